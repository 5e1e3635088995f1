<?php
/**
 * The employee groups of the settings (SettingsPage::field()): an editable table of the groups,
 * then empty rows to add more. A row is removed with its "Delete" box or by emptying it.
 */

declare(strict_types=1);

use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Options;

defined('ABSPATH') || exit;

$leadtrail_rows = array_merge(
	array_map(static fn ($group): array => $group->toArray(), EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'))->all()),
	array_fill(0, 3, ['id' => '', 'name' => '', 'email' => ''])
);
?>
<table class="widefat striped" id="leadtrail-groups" style="max-width: 48em;">
	<thead><tr>
		<th scope="col"><?php esc_html_e('ID', 'leadtrail'); ?></th>
		<th scope="col"><?php esc_html_e('Name', 'leadtrail'); ?></th>
		<th scope="col"><?php esc_html_e('Notification e-mail', 'leadtrail'); ?></th>
		<th scope="col"><?php esc_html_e('Delete', 'leadtrail'); ?></th>
	</tr></thead>
	<tbody>
	<?php foreach ($leadtrail_rows as $leadtrail_index => $leadtrail_row) : ?>
		<?php
		$leadtrail_field = Options::REQUEST_GROUPS . '[rows][' . $leadtrail_index . ']';
		/* translators: %d: row number in the groups table */
		$leadtrail_label = sprintf(__('Group %d', 'leadtrail'), $leadtrail_index + 1);
		?>
		<tr>
			<td><input type="number" class="small-text" min="1" max="2147483647" step="1"
				name="<?php echo esc_attr($leadtrail_field . '[id]'); ?>" value="<?php echo esc_attr((string) $leadtrail_row['id']); ?>"
				aria-label="<?php echo esc_attr($leadtrail_label . ': ' . __('ID', 'leadtrail')); ?>"></td>
			<td><input type="text" class="regular-text" maxlength="255"
				name="<?php echo esc_attr($leadtrail_field . '[name]'); ?>" value="<?php echo esc_attr($leadtrail_row['name']); ?>"
				aria-label="<?php echo esc_attr($leadtrail_label . ': ' . __('Name', 'leadtrail')); ?>"></td>
			<td><input type="email" class="regular-text"
				name="<?php echo esc_attr($leadtrail_field . '[email]'); ?>" value="<?php echo esc_attr($leadtrail_row['email']); ?>"
				aria-label="<?php echo esc_attr($leadtrail_label . ': ' . __('Notification e-mail', 'leadtrail')); ?>"></td>
			<td><?php if ($leadtrail_row['id'] !== '') : ?>
				<input type="checkbox" name="<?php echo esc_attr($leadtrail_field . '[delete]'); ?>" value="1"
					aria-label="<?php echo esc_attr($leadtrail_label . ': ' . __('Delete', 'leadtrail')); ?>">
			<?php endif; ?></td>
		</tr>
	<?php endforeach; ?>
	</tbody>
</table>
<p class="description">
	<?php esc_html_e('Pages and forms pass the ID as group_id; a request for another ID is refused. Each group’s e-mail also gets notices of its requests. Save to get more empty rows.', 'leadtrail'); ?>
</p>
