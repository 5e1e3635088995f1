<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * A CSV download of an admin screen (admin-post.php): UTF-8 with a byte order
 * mark (so Excel reads the Cyrillic), RFC 4180 quoting, streamed in batches
 * keyed on the row id so a large export needs little memory. The exports differ
 * only in their columns and rows; each neutralises visitor text with CsvCell.
 */
final class CsvDownload
{
	/**
	 * Stops the request unless the user may see the admin screens and the link
	 * carries the nonce of $action.
	 *
	 * @param string $refusal the translated message for a user without the capability
	 */
	public static function authorise(string $action, string $refusal): void
	{
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html($refusal), '', ['response' => 403]);
		}
		check_admin_referer($action);
	}

	/**
	 * Sends the file, named "leadtrail-{$name}-{site time}.csv", and ends the request.
	 *
	 * @param list<string>                                             $header
	 * @param callable(?int): list<array<string, string|null>>         $batch  rows older than the id given
	 *                                                                         (all when null), newest first
	 * @param callable(array<string, string|null>): list<string>       $cells  one row's cells
	 */
	public static function send(string $name, array $header, int $batchSize, callable $batch, callable $cells): never
	{
		nocache_headers();
		header('Content-Type: text/csv; charset=utf-8');
		header('Content-Disposition: attachment; filename="leadtrail-' . $name . '-' . wp_date('Y-m-d-His') . '.csv"');
		header('X-Content-Type-Options: nosniff');

		$out = fopen('php://output', 'wb');
		if ($out === false) {
			exit;
		}
		self::write($out, $header, $batchSize, $batch, $cells);
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a stream to php://output, not a file on disk
		fclose($out);
		exit;
	}

	/**
	 * The byte order mark, the header row, then batch after batch until one comes
	 * back short, each flushed as it is written.
	 *
	 * @param resource                                                 $out
	 * @param list<string>                                             $header
	 * @param callable(?int): list<array<string, string|null>>         $batch
	 * @param callable(array<string, string|null>): list<string>       $cells
	 */
	public static function write($out, array $header, int $batchSize, callable $batch, callable $cells): void
	{
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a stream to php://output, not a file on disk
		fwrite($out, "\xEF\xBB\xBF");
		self::row($out, $header);

		$before = null;
		do {
			$rows = $batch($before);
			foreach ($rows as $row) {
				self::row($out, $cells($row));
				$before = (int) $row['id'];
			}
			fflush($out);
		} while (count($rows) === $batchSize);
	}

	/**
	 * RFC 4180 quoting: a quote is doubled, never backslash-escaped.
	 *
	 * @param resource     $out
	 * @param list<string> $cells
	 */
	private static function row($out, array $cells): void
	{
		fputcsv($out, $cells, ',', '"', '', "\r\n");
	}
}
