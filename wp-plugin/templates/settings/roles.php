<?php
/**
 * The "Roles" form of LeadTrail > Settings (RoleSettings::render()): which roles read the reports
 * and answer chats.
 *
 * @var array{capabilities: array<string, string>} $view capability => its column's label
 */

declare(strict_types=1);

use LeadTrail\Admin\RoleGrants;
use LeadTrail\Admin\RoleSettings;

defined('ABSPATH') || exit;
?>
<h2><?php esc_html_e('Roles', 'leadtrail'); ?></h2>
<p class="description" style="max-width: 48em;">
	<?php esc_html_e('View reports: LeadTrail > Overview and the Dashboard box. Answer chats: LeadTrail > Chats, the operator console. Administrators always have both; users of a role get what is ticked for it, without the other LeadTrail screens.', 'leadtrail'); ?>
</p>
<form method="post" action="<?php echo esc_url(admin_url('admin-post.php')); ?>" id="leadtrail-roles">
	<input type="hidden" name="action" value="<?php echo esc_attr(RoleSettings::ACTION); ?>">
	<?php wp_nonce_field(RoleSettings::ACTION, RoleSettings::NONCE); ?>
	<table class="widefat striped" style="max-width: 48em;">
		<thead><tr>
			<th scope="col"><?php esc_html_e('Role', 'leadtrail'); ?></th>
			<?php foreach ($view['capabilities'] as $leadtrail_label) : ?>
				<th scope="col"><?php echo esc_html($leadtrail_label); ?></th>
			<?php endforeach; ?>
		</tr></thead>
		<tbody>
		<?php foreach (wp_roles()->role_names as $leadtrail_role => $leadtrail_name) : ?>
			<?php
			$leadtrail_object = get_role($leadtrail_role);
			$leadtrail_fixed = $leadtrail_role === RoleGrants::ADMINISTRATOR;
			$leadtrail_title = translate_user_role($leadtrail_name);
			?>
			<tr>
				<th scope="row"><?php echo esc_html($leadtrail_title); ?></th>
				<?php foreach ($view['capabilities'] as $leadtrail_capability => $leadtrail_label) : ?>
					<td><input type="checkbox"
						name="<?php echo esc_attr(RoleSettings::FIELD . '[' . $leadtrail_capability . '][]'); ?>"
						value="<?php echo esc_attr($leadtrail_role); ?>"
						aria-label="<?php echo esc_attr($leadtrail_title . ': ' . $leadtrail_label); ?>"
						<?php checked($leadtrail_fixed || ($leadtrail_object !== null && $leadtrail_object->has_cap($leadtrail_capability))); ?>
						<?php disabled($leadtrail_fixed); ?>></td>
				<?php endforeach; ?>
			</tr>
		<?php endforeach; ?>
		</tbody>
	</table>
	<?php submit_button(__('Save roles', 'leadtrail'), 'secondary', 'leadtrail-save-roles'); ?>
</form>
