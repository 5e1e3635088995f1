<?php

declare(strict_types=1);

namespace LeadTrail\Traffic;

use LeadTrail\Support\Utf8;

/**
 * A click id that an ad network or search engine adds to the landing address: gclid (Google Ads),
 * msclkid (Microsoft Advertising), yclid (Yandex Direct), fbclid (Facebook, on its ads and its shared
 * links alike) and ysclid (Yandex's marker on its own search results, which are organic).
 */
final class ClickId
{
	/** The ids of a paid click (fbclid: Facebook's), with the source and medium they stand for, in order of precedence. */
	public const PAID = [
		'gclid' => ['google', 'cpc'],
		'msclkid' => ['bing', 'cpc'],
		'yclid' => ['yandex', 'cpc'],
		'fbclid' => ['facebook', 'social'],
	];
	/** Yandex's search marker: organic search from Yandex. */
	public const YANDEX_SEARCH = 'ysclid';
	public const YANDEX_SEARCH_SOURCE = ['yandex', 'organic'];

	private function __construct(public readonly string $name, public readonly string $value)
	{
	}

	/** The id that names the source: the first paid one present, else Yandex's search marker; null for none. */
	public static function fromUrl(string $url): ?self
	{
		return self::all($url)[0] ?? null;
	}

	/**
	 * Every click id in $url's query, in order of precedence. An empty or blank value, an array
	 * (gclid[]=x) or bytes that are not UTF-8 are no id.
	 *
	 * @return list<self>
	 */
	public static function all(string $url): array
	{
		$query = parse_url($url, PHP_URL_QUERY);
		if (!is_string($query) || $query === '') {
			return [];
		}
		parse_str($query, $params);
		$ids = [];
		foreach ([...array_keys(self::PAID), self::YANDEX_SEARCH] as $name) {
			$value = $params[$name] ?? null;
			if (is_string($value) && Utf8::isValid($value) && trim($value) !== '') {
				$ids[] = new self($name, Utf8::truncate(trim($value), Utm::MAX_LENGTH));
			}
		}
		return $ids;
	}

	public function isPaid(): bool
	{
		return isset(self::PAID[$this->name]);
	}

	/** @return array{string, string} the source and medium this id stands for */
	public function sourceAndMedium(): array
	{
		return self::PAID[$this->name] ?? self::YANDEX_SEARCH_SOURCE;
	}
}
