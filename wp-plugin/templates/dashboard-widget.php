<?php
/**
 * The Dashboard widget's body (DashboardWidget::render).
 *
 * @var array<string, int|float>                      $totals
 * @var list<array<string, int|float|string>>         $channels
 * @var string                                        $overview
 */

declare(strict_types=1);

defined('ABSPATH') || exit;
?>
<div class="leadtrail-dashboard">
	<p>
		<strong class="leadtrail-dashboard-sessions"><?php echo esc_html(number_format_i18n((int) $totals['sessions'])); ?></strong>
		<?php esc_html_e('sessions', 'leadtrail'); ?>,
		<strong class="leadtrail-dashboard-leads"><?php echo esc_html(number_format_i18n((int) $totals['leads'])); ?></strong>
		<?php esc_html_e('leads', 'leadtrail'); ?>
	</p>
	<?php if ($channels !== []) : ?>
		<table class="widefat striped">
			<thead><tr>
				<th scope="col"><?php esc_html_e('Channel', 'leadtrail'); ?></th>
				<th scope="col"><?php esc_html_e('Sessions', 'leadtrail'); ?></th>
				<th scope="col"><?php esc_html_e('Leads', 'leadtrail'); ?></th>
			</tr></thead>
			<tbody>
			<?php foreach ($channels as $channel) : ?>
				<tr>
					<td><?php echo esc_html($channel['source'] . ' / ' . $channel['medium']); ?></td>
					<td><?php echo esc_html(number_format_i18n((int) $channel['sessions'])); ?></td>
					<td><?php echo esc_html(number_format_i18n((int) $channel['leads'])); ?></td>
				</tr>
			<?php endforeach; ?>
			</tbody>
		</table>
	<?php endif; ?>
	<p><a href="<?php echo esc_url($overview); ?>"><?php esc_html_e('Open the overview', 'leadtrail'); ?></a></p>
</div>
