<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallAttributor;
use LeadTrail\PhoneCalls\CallImports;
use LeadTrail\PhoneCalls\CallLog;
use LeadTrail\PhoneCalls\CallLogMapping;
use LeadTrail\PhoneCalls\IncomingCall;
use LeadTrail\PhoneCalls\InvalidCallField;
use LeadTrail\PhoneCalls\PhoneCallRecorder;

/**
 * LeadTrail > Calls > Import: upload a call log, map its columns, preview the
 * first rows as they will be read, then import it chunk by chunk with progress
 * and every refused row listed with its reason. Everything from the file is
 * escaped as text.
 */
final class CallImportPage
{
	public const IMPORT = 'import';
	private const PREVIEW_ROWS = 10;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** @param array<string, mixed> $query the unslashed query parameters */
	public function render(array $query): void
	{
		$error = QueryParam::text($query, CallImportUpload::ERROR);
		if ($error !== null) {
			printf('<div class="notice notice-error"><p id="leadtrail-import-upload-error">%s</p></div>', esc_html(self::uploadProblem($error)));
		}
		$id = QueryParam::id($query[self::IMPORT] ?? null);
		$import = $id === null ? null : (new CallImports($this->wpdb))->find($id, get_current_user_id());
		if ($id !== null && $import === null) {
			echo '<div class="notice notice-warning"><p>' . esc_html__('This call log is no longer here (logs are kept for a day). Upload it again.', 'leadtrail') . '</p></div>';
		}
		if ($import === null) {
			$this->uploadForm();
			return;
		}
		$log = $import['log'];
		$header = $log->firstRow();
		$mapped = isset($query['mapped']);
		$mapping = $mapped ? CallLogMapping::fromInput($query['map'] ?? null, count($header)) : CallLogMapping::guess($header);
		$skipHeader = $mapped ? ($query['header'] ?? '') === '1' : $log->startsWithHeader();

		echo '<h2>' . esc_html(sprintf(
			/* translators: %s: the uploaded file's name */
			__('Call log: %s', 'leadtrail'),
			$import['file_name']
		)) . '</h2>';
		$this->mappingForm($import['id'], $header, $mapping, $skipHeader);
		$missing = $mapping->missing();
		if ($missing !== []) {
			echo '<div class="notice notice-warning inline"><p id="leadtrail-import-missing">' . esc_html(sprintf(
				/* translators: %s: field names, e.g. start_time, status */
				__('Choose a column for: %s.', 'leadtrail'),
				implode(', ', $missing)
			)) . '</p></div>';
			return;
		}
		$this->preview($log, $mapping, $skipHeader);
		$this->importer($import['id'], $mapping, $skipHeader);
	}

	private function uploadForm(): void
	{
		?>
		<p><?php esc_html_e('Import a call log exported from your PBX or telephony provider as CSV (comma, semicolon or tab separated, UTF-8, up to 8 MB). You choose which column is which and see a preview before anything is imported. A call already recorded (same provider call ID, or same number, caller and start time) is never recorded twice, so a file can be imported again safely.', 'leadtrail'); ?></p>
		<form method="post" enctype="multipart/form-data" action="<?php echo esc_url(admin_url('admin-post.php')); ?>" id="leadtrail-import-upload">
			<input type="hidden" name="action" value="<?php echo esc_attr(CallImportUpload::ACTION); ?>">
			<?php wp_nonce_field(CallImportUpload::ACTION); ?>
			<input type="hidden" name="MAX_FILE_SIZE" value="<?php echo esc_attr((string) CallLog::MAX_BYTES); ?>">
			<p><label for="leadtrail-call-log"><?php esc_html_e('Call log (CSV)', 'leadtrail'); ?></label>
				<input type="file" id="leadtrail-call-log" name="<?php echo esc_attr(CallImportUpload::FILE); ?>" accept=".csv,.txt,.tsv,text/csv" required></p>
			<?php submit_button(__('Upload and map columns', 'leadtrail'), 'primary', 'leadtrail-import-upload-submit'); ?>
		</form>
		<?php
	}

	/** @param list<string> $header */
	private function mappingForm(int $id, array $header, CallLogMapping $mapping, bool $skipHeader): void
	{
		?>
		<form method="get" id="leadtrail-import-mapping">
			<input type="hidden" name="page" value="<?php echo esc_attr(CallsPage::SLUG); ?>">
			<input type="hidden" name="<?php echo esc_attr(CallsPage::TAB); ?>" value="<?php echo esc_attr(CallsPage::IMPORT_TAB); ?>">
			<input type="hidden" name="<?php echo esc_attr(self::IMPORT); ?>" value="<?php echo esc_attr((string) $id); ?>">
			<input type="hidden" name="mapped" value="1">
			<p><label><input type="checkbox" name="header" value="1" id="leadtrail-import-header" <?php checked($skipHeader); ?>>
				<?php esc_html_e('The first row names the columns (it is not imported)', 'leadtrail'); ?></label></p>
			<table class="form-table" role="presentation">
				<?php foreach (IncomingCall::FIELDS as $field) : ?>
					<tr>
						<th scope="row"><label for="leadtrail-map-<?php echo esc_attr($field); ?>"><?php echo esc_html(self::fieldLabel($field)); ?></label></th>
						<td>
							<select id="leadtrail-map-<?php echo esc_attr($field); ?>" name="map[<?php echo esc_attr($field); ?>]">
								<option value=""><?php esc_html_e('— not in the file —', 'leadtrail'); ?></option>
								<?php foreach ($header as $index => $name) : ?>
									<option value="<?php echo esc_attr((string) $index); ?>" <?php selected(($mapping->columns[$field] ?? null) === $index); ?>>
										<?php
										echo esc_html(sprintf(
											/* translators: 1: column number, 2: the column's first cell */
											__('Column %1$d: %2$s', 'leadtrail'),
											$index + 1,
											mb_substr($name, 0, 40)
										));
										?>
									</option>
								<?php endforeach; ?>
							</select>
							<?php if (in_array($field, IncomingCall::REQUIRED, true)) : ?>
								<span class="description"><?php esc_html_e('required', 'leadtrail'); ?></span>
							<?php endif; ?>
						</td>
					</tr>
				<?php endforeach; ?>
			</table>
			<?php submit_button(__('Preview', 'leadtrail'), 'secondary', 'leadtrail-import-preview', false); ?>
		</form>
		<?php
	}

	private function preview(CallLog $log, CallLogMapping $mapping, bool $skipHeader): void
	{
		$recorder = PhoneCallRecorder::forSite($this->wpdb);
		$attributor = new CallAttributor($this->wpdb);
		$rows = '';
		foreach ($log->rows(0, 0, self::PREVIEW_ROWS + 1)->rows as $row) {
			if ($skipHeader && $row['row'] === 1) {
				continue;
			}
			try {
				$call = $recorder->read($mapping->fields($row['cells']));
			} catch (InvalidCallField $invalid) {
				$rows .= sprintf(
					'<tr class="leadtrail-preview-error"><td>%d</td><td colspan="6">%s</td></tr>',
					$row['row'],
					esc_html(sprintf(
						/* translators: 1: field name, 2: what is wrong */
						__('Will not be imported: %1$s: %2$s', 'leadtrail'),
						$invalid->field,
						$invalid->reason
					))
				);
				continue;
			}
			$attribution = $attributor->attribute($call->called, $call->startedAt);
			$rows .= sprintf(
				'<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				$row['row'],
				esc_html(AdminTime::local(gmdate('Y-m-d H:i:s', $call->startedAt))),
				esc_html(CallLabels::number($call->caller)),
				esc_html(CallLabels::number($call->called)),
				esc_html(CallLabels::status($call->answered ? '1' : '0')),
				esc_html(CallLabels::duration((string) $call->duration)),
				esc_html($attribution->source === '' ? CallLabels::attribution($attribution->kind) : $attribution->source)
			);
		}
		echo '<h2>' . esc_html__('Preview of the first rows', 'leadtrail') . '</h2>';
		echo '<table class="widefat striped" id="leadtrail-import-preview-table"><thead><tr>';
		foreach ([__('Row', 'leadtrail'), __('Time', 'leadtrail'), __('Caller', 'leadtrail'), __('Number called', 'leadtrail'), __('Status', 'leadtrail'), __('Duration', 'leadtrail'), __('Source', 'leadtrail')] as $heading) {
			echo '<th scope="col">' . esc_html($heading) . '</th>';
		}
		echo '</tr></thead><tbody>' . $rows . '</tbody></table>'; // phpcs:ignore WordPress.Security.EscapeOutput -- rows are escaped cell by cell above
	}

	private function importer(int $id, CallLogMapping $mapping, bool $skipHeader): void
	{
		$config = [
			'url' => admin_url('admin-ajax.php'),
			'fields' => [
				'action' => CallImportChunk::ACTION,
				'_ajax_nonce' => wp_create_nonce(CallImportChunk::ACTION),
				self::IMPORT => (string) $id,
				'header' => $skipHeader ? '1' : '0',
			] + array_combine(
				array_map(static fn (string $field): string => 'map[' . $field . ']', array_keys($mapping->columns)),
				array_map('strval', array_values($mapping->columns))
			),
			'text' => [
				/* translators: 1: calls imported, 2: calls already there, 3: rows refused */
				'summary' => __('%1$d imported, %2$d already there, %3$d refused.', 'leadtrail'),
				'done' => __('Import finished.', 'leadtrail'),
				'stopped' => __('The import stopped:', 'leadtrail'),
				'again' => __('Run it again to go on: rows already imported are not imported twice.', 'leadtrail'),
			],
		];
		?>
		<h2><?php esc_html_e('Import', 'leadtrail'); ?></h2>
		<p><button type="button" class="button button-primary" id="leadtrail-import-start"><?php esc_html_e('Import the calls', 'leadtrail'); ?></button>
			<progress id="leadtrail-import-progress" max="100" value="0" hidden></progress></p>
		<p id="leadtrail-import-summary" aria-live="polite"></p>
		<table class="widefat striped" id="leadtrail-import-errors" hidden>
			<thead><tr><th scope="col"><?php esc_html_e('Row', 'leadtrail'); ?></th><th scope="col"><?php esc_html_e('Field', 'leadtrail'); ?></th><th scope="col"><?php esc_html_e('Reason', 'leadtrail'); ?></th></tr></thead>
			<tbody></tbody>
		</table>
		<script>
		( function () {
			var config = <?php echo wp_json_encode($config); ?>;
			var start = document.getElementById( 'leadtrail-import-start' );
			var progress = document.getElementById( 'leadtrail-import-progress' );
			var summary = document.getElementById( 'leadtrail-import-summary' );
			var errors = document.getElementById( 'leadtrail-import-errors' );
			function format( text, values ) {
				return values.reduce( function ( out, value, i ) { return out.replace( '%' + ( i + 1 ) + '$d', String( value ) ); }, text );
			}
			function cell( row, text ) {
				var td = document.createElement( 'td' );
				td.textContent = text;
				row.appendChild( td );
			}
			start.addEventListener( 'click', function () {
				var totals = { imported: 0, duplicates: 0, refused: 0 };
				errors.tBodies[ 0 ].textContent = '';
				errors.hidden = true;
				start.disabled = true;
				progress.hidden = false;
				progress.value = 0;
				function show( prefix ) {
					summary.textContent = ( prefix ? prefix + ' ' : '' ) + format( config.text.summary, [ totals.imported, totals.duplicates, totals.refused ] );
				}
				function chunk( offset, rows ) {
					var body = new URLSearchParams( config.fields );
					body.set( 'offset', String( offset ) );
					body.set( 'rows', String( rows ) );
					fetch( config.url, { method: 'POST', credentials: 'same-origin', body: body } )
						.then( function ( response ) { return response.json(); } )
						.then( function ( answer ) {
							if ( ! answer || ! answer.success ) {
								throw new Error( answer && answer.data && answer.data.message ? answer.data.message : '' );
							}
							var result = answer.data;
							totals.imported += result.imported;
							totals.duplicates += result.duplicates;
							totals.refused += result.errors.length;
							result.errors.forEach( function ( error ) {
								var row = document.createElement( 'tr' );
								cell( row, String( error.row ) );
								cell( row, error.field );
								cell( row, error.reason );
								errors.tBodies[ 0 ].appendChild( row );
								errors.hidden = false;
							} );
							progress.value = result.size > 0 ? Math.round( 100 * result.next / result.size ) : 100;
							if ( result.done ) {
								progress.value = 100;
								show( config.text.done );
								summary.setAttribute( 'data-done', '1' );
								start.disabled = false;
								return;
							}
							show( '' );
							chunk( result.next, result.rows_read );
						} )
						.catch( function ( error ) {
							summary.textContent = config.text.stopped + ' ' + ( error.message || '' ) + ' ' + config.text.again;
							start.disabled = false;
						} );
				}
				summary.removeAttribute( 'data-done' );
				chunk( 0, 0 );
			} );
		}() );
		</script>
		<?php
	}

	private static function fieldLabel(string $field): string
	{
		return match ($field) {
			IncomingCall::CALLED => __('Number called (your number)', 'leadtrail'),
			IncomingCall::CALLER => __('Caller’s number', 'leadtrail'),
			IncomingCall::START => __('Start time', 'leadtrail'),
			IncomingCall::DURATION => __('Duration', 'leadtrail'),
			IncomingCall::STATUS => __('Answered or missed', 'leadtrail'),
			IncomingCall::RECORDING => __('Recording address', 'leadtrail'),
			default => __('Provider call ID', 'leadtrail'),
		};
	}

	private static function uploadProblem(string $code): string
	{
		return match ($code) {
			'none' => __('Choose a CSV file to upload.', 'leadtrail'),
			'size' => __('The file is larger than 8 MB. Split it into smaller files.', 'leadtrail'),
			'empty' => __('The file is empty.', 'leadtrail'),
			'type' => __('Upload a .csv, .tsv or .txt file.', 'leadtrail'),
			'storage' => __('The file could not be stored; the database refused it. Try a smaller file.', 'leadtrail'),
			default => __('The upload failed. Try again.', 'leadtrail'),
		};
	}
}
