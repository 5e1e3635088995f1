<?php
/**
 * LeadTrail > Chats: the operator console's frame; leadtrail-chat-console.js fills it.
 *
 * @var array{rest: string, nonce: string, user: int, texts: array<string, string>} $view
 */

declare(strict_types=1);

defined('ABSPATH') || exit;
?>
<div class="wrap">
	<h1><?php echo esc_html__('Chats', 'leadtrail'); ?></h1>
	<div id="leadtrail-chat-console"
		data-rest="<?php echo esc_url($view['rest']); ?>"
		data-nonce="<?php echo esc_attr($view['nonce']); ?>"
		data-user="<?php echo esc_attr((string) $view['user']); ?>"
		data-texts="<?php echo esc_attr((string) wp_json_encode($view['texts'])); ?>">
		<p class="leadtrail-chat-bar">
			<label><input type="radio" name="leadtrail-presence" value="available" checked> <?php echo esc_html($view['texts']['available']); ?></label>
			<label><input type="radio" name="leadtrail-presence" value="away"> <?php echo esc_html($view['texts']['away']); ?></label>
			<label><input type="checkbox" name="leadtrail-sound" checked> <?php echo esc_html($view['texts']['sound']); ?></label>
			<label><input type="checkbox" name="leadtrail-notify"> <?php echo esc_html($view['texts']['notify']); ?></label>
			<span class="leadtrail-chat-error" role="status"></span>
		</p>
		<div style="display:flex;gap:16px;align-items:flex-start">
			<ul class="leadtrail-chat-list" style="flex:0 0 320px;margin:0"></ul>
			<section class="leadtrail-chat-view" style="flex:1" aria-live="polite"></section>
		</div>
	</div>
</div>
