<?php
/**
 * LeadTrail > Phone numbers (PhoneNumbersPage::render()).
 *
 * @var array{values: array{site: string, rules: list<array<string, string>>, pools: list<array<string, string>>}, error: string, saved: bool, pools: array<int, array{held: int, exhausted: int}>, cloud: bool, kinds: array<string, string>, blankRules: int} $view
 */

declare(strict_types=1);

use LeadTrail\Phones\NumberPool;
use LeadTrail\Phones\PhoneNumbersPage;

defined('ABSPATH') || exit;

$leadtrail_values = $view['values'];
$leadtrail_rules = array_merge($leadtrail_values['rules'], array_fill(0, $view['blankRules'], ['when' => 'utm_source', 'value' => '', 'number' => '']));
$leadtrail_pools = array_merge($leadtrail_values['pools'], [['label' => '', 'numbers' => '', 'hold' => (string) NumberPool::DEFAULT_HOLD_MINUTES, 'when' => 'any', 'value' => '', 'fallback' => '']]);
$leadtrail_kind_select = static function (string $name, string $current) use ($view): void {
	printf('<select name="%s">', esc_attr($name));
	foreach ($view['kinds'] as $leadtrail_kind => $leadtrail_label) {
		printf('<option value="%s" %s>%s</option>', esc_attr($leadtrail_kind), selected($current, $leadtrail_kind, false), esc_html($leadtrail_label));
	}
	echo '</select>';
};
?>
<div class="wrap" id="leadtrail-phone-numbers">
	<h1><?php echo esc_html(get_admin_page_title()); ?></h1>
	<?php if ($view['cloud']) : ?>
		<div class="notice notice-info"><p id="leadtrail-phones-cloud"><?php esc_html_e('The site is in cloud mode: the vendor’s runtime replaces the numbers, as set up in its account. The numbers below are used only in self-hosted mode.', 'leadtrail'); ?></p></div>
	<?php endif; ?>
	<?php if ($view['error'] !== '') : ?>
		<div class="notice notice-error" role="alert"><p id="leadtrail-phones-error"><?php echo esc_html(sprintf(/* translators: %s: the field and what is wrong with it */ __('Not saved. %s', 'leadtrail'), $view['error'])); ?></p></div>
	<?php elseif ($view['saved']) : ?>
		<div class="notice notice-success"><p id="leadtrail-phones-saved"><?php esc_html_e('Phone numbers saved.', 'leadtrail'); ?></p></div>
	<?php endif; ?>
	<p class="description"><?php esc_html_e('Each visitor is shown one number for the whole visit: the first pool whose condition the visit matches gives it one of its numbers, else the first static rule it matches; else the site’s own number stays. Numbers may be typed in any usual format, such as +7 (495) 182-51-68 or 8 495 182 51 68; each number may be used once.', 'leadtrail'); ?></p>
	<form method="post" action="<?php echo esc_url(admin_url('admin-post.php')); ?>">
		<input type="hidden" name="action" value="<?php echo esc_attr(PhoneNumbersPage::ACTION); ?>">
		<?php wp_nonce_field(PhoneNumbersPage::ACTION); ?>

		<h2><?php esc_html_e('The site’s own numbers', 'leadtrail'); ?></h2>
		<p><label for="leadtrail-phones-site"><?php esc_html_e('The numbers printed in the theme, which are replaced on the page: one a line.', 'leadtrail'); ?></label></p>
		<textarea id="leadtrail-phones-site" name="site" rows="3" cols="40" class="code"><?php echo esc_textarea($leadtrail_values['site']); ?></textarea>

		<h2><?php esc_html_e('Static numbers by traffic source', 'leadtrail'); ?></h2>
		<table class="widefat striped" id="leadtrail-phones-rules">
			<thead><tr><th>#</th><th><?php esc_html_e('Condition', 'leadtrail'); ?></th><th><?php esc_html_e('Value', 'leadtrail'); ?></th><th><?php esc_html_e('Number shown', 'leadtrail'); ?></th></tr></thead>
			<tbody>
			<?php foreach ($leadtrail_rules as $leadtrail_i => $leadtrail_rule) : ?>
				<tr>
					<td><?php echo esc_html((string) ($leadtrail_i + 1)); ?></td>
					<td><?php $leadtrail_kind_select("rules[{$leadtrail_i}][when]", $leadtrail_rule['when']); ?></td>
					<td><input type="text" name="<?php echo esc_attr("rules[{$leadtrail_i}][value]"); ?>" value="<?php echo esc_attr($leadtrail_rule['value']); ?>"></td>
					<td><input type="tel" class="code" name="<?php echo esc_attr("rules[{$leadtrail_i}][number]"); ?>" value="<?php echo esc_attr($leadtrail_rule['number']); ?>"></td>
				</tr>
			<?php endforeach; ?>
			</tbody>
		</table>
		<p class="description"><?php esc_html_e('Rules are tried in this order. A row without a number is left out.', 'leadtrail'); ?></p>

		<h2><?php esc_html_e('Dynamic numbers (pools)', 'leadtrail'); ?></h2>
		<p class="description"><?php esc_html_e('A pool number is given to one visit at a time, while the visitor is on the site and for the hold time after the last page view, so a call to it points to one visit. When every number is held, the visitor is shown the pool’s fallback number and “Pool exhausted” counts it: add numbers when it grows.', 'leadtrail'); ?></p>
		<?php foreach ($leadtrail_pools as $leadtrail_i => $leadtrail_pool) : ?>
			<?php $leadtrail_state = $view['pools'][$leadtrail_i + 1] ?? null; ?>
			<fieldset class="leadtrail-pool" data-pool="<?php echo esc_attr((string) ($leadtrail_i + 1)); ?>">
				<h3><?php echo esc_html(sprintf(/* translators: %d: the pool's position, from 1 */ __('Pool %d', 'leadtrail'), $leadtrail_i + 1)); ?></h3>
				<?php if ($leadtrail_state !== null && $leadtrail_i < count($leadtrail_values['pools'])) : ?>
					<p class="leadtrail-pool-state">
						<?php
						echo esc_html(sprintf(
							/* translators: 1: numbers held now, 2: times every number was held */
							__('Held now: %1$d. Pool exhausted: %2$d times.', 'leadtrail'),
							$leadtrail_state['held'],
							$leadtrail_state['exhausted']
						));
						?>
					</p>
				<?php endif; ?>
				<table class="form-table" role="presentation"><tbody>
					<tr><th><?php esc_html_e('Name', 'leadtrail'); ?></th><td><input type="text" name="<?php echo esc_attr("pools[{$leadtrail_i}][label]"); ?>" value="<?php echo esc_attr($leadtrail_pool['label']); ?>"></td></tr>
					<tr><th><?php esc_html_e('Numbers (one a line)', 'leadtrail'); ?></th><td><textarea class="code" rows="4" cols="30" name="<?php echo esc_attr("pools[{$leadtrail_i}][numbers]"); ?>"><?php echo esc_textarea($leadtrail_pool['numbers']); ?></textarea></td></tr>
					<tr><th><?php esc_html_e('Hold time (minutes)', 'leadtrail'); ?></th><td><input type="number" min="1" max="<?php echo esc_attr((string) NumberPool::MAX_HOLD_MINUTES); ?>" name="<?php echo esc_attr("pools[{$leadtrail_i}][hold]"); ?>" value="<?php echo esc_attr($leadtrail_pool['hold']); ?>"></td></tr>
					<tr><th><?php esc_html_e('Only for visits from', 'leadtrail'); ?></th><td><?php $leadtrail_kind_select("pools[{$leadtrail_i}][when]", $leadtrail_pool['when']); ?> <input type="text" name="<?php echo esc_attr("pools[{$leadtrail_i}][value]"); ?>" value="<?php echo esc_attr($leadtrail_pool['value']); ?>"></td></tr>
					<tr><th><?php esc_html_e('Fallback number', 'leadtrail'); ?></th><td><input type="tel" class="code" name="<?php echo esc_attr("pools[{$leadtrail_i}][fallback]"); ?>" value="<?php echo esc_attr($leadtrail_pool['fallback']); ?>"></td></tr>
				</tbody></table>
			</fieldset>
		<?php endforeach; ?>
		<?php submit_button(__('Save phone numbers', 'leadtrail')); ?>
	</form>
</div>
