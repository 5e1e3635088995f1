<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

/**
 * The text LeadTrail suggests for the site's privacy policy (Settings > Privacy > Policy Guide).
 */
final class PolicyText
{
	public static function html(): string
	{
		$paragraphs = [
			__('This site records visits with LeadTrail, in its own database: an anonymous visitor number, each visit (its time, where it came from: the referring site and the campaign tags of the address, and its first page) and each page viewed (address and title), and what the site\'s pages record about the visitor: actions (events) and stored values (properties).', 'leadtrail'),
			__('When you send a form, order a call back or give your name, phone number or e-mail address, LeadTrail keeps what you sent with your visitor number, so that the site\'s staff can answer you.', 'leadtrail'),
			__('Your browser keeps your visitor number in the cookie _comagic_id and a signed copy of it in the cookie _leadtrail_token, both for two years, so that your next visits are recognised.', 'leadtrail'),
			__('If this site uses the CoMagic service (cloud mode), pages load CoMagic\'s script and the requests you send are also sent to CoMagic.', 'leadtrail'),
			__('You can ask for a copy of this data, or for its erasure, by the e-mail address you gave: the site\'s administrators export and erase it with WordPress\'s privacy tools.', 'leadtrail'),
		];
		return implode('', array_map(static fn (string $text): string => '<p>' . esc_html($text) . '</p>', $paragraphs));
	}
}
