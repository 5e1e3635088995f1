<?php

declare(strict_types=1);

namespace LeadTrail\Traffic;

use LeadTrail\Support\Utf8;

/**
 * The UTM tags of a page URL's query string.
 */
final class Utm
{
	/** Stored values are cut to the width of their columns. */
	public const MAX_LENGTH = 255;

	public function __construct(
		public readonly string $source = '',
		public readonly string $medium = '',
		public readonly string $campaign = '',
		public readonly string $term = '',
		public readonly string $content = '',
	) {
	}

	public static function fromUrl(string $url): self
	{
		$query = parse_url($url, PHP_URL_QUERY);
		if (!is_string($query) || $query === '') {
			return new self();
		}
		parse_str($query, $params);

		return new self(
			self::tag($params, 'utm_source'),
			self::tag($params, 'utm_medium'),
			self::tag($params, 'utm_campaign'),
			self::tag($params, 'utm_term'),
			self::tag($params, 'utm_content'),
		);
	}

	public function isEmpty(): bool
	{
		return $this->source === '' && $this->medium === '' && $this->campaign === ''
			&& $this->term === '' && $this->content === '';
	}

	/**
	 * One tag, trimmed; array values (utm_source[]=x) and percent-decoded bytes that are
	 * not UTF-8 are dropped because they cannot be a readable campaign name.
	 *
	 * @param array<int|string, mixed> $params
	 */
	private static function tag(array $params, string $name): string
	{
		$value = $params[$name] ?? '';
		if (!is_string($value) || !Utf8::isValid($value)) {
			return '';
		}
		return Utf8::truncate(trim($value), self::MAX_LENGTH);
	}
}
