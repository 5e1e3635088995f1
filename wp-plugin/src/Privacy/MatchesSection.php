<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

/**
 * The export's first section: each row the address was found in, and what it brought into the
 * export (all of a visitor's data, or only the row itself), so the person and the admin can see
 * why each visitor is there.
 */
final class MatchesSection
{
	public const KEY = 'matches';

	/**
	 * The items of $person's matches from $offset, at most $limit, as ExportSection's items.
	 *
	 * @return list<array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}>
	 */
	public static function items(Person $person, int $offset, int $limit): array
	{
		$items = [];
		foreach (array_slice($person->matches, $offset, $limit) as $match) {
			$items[] = [
				'group_id' => 'leadtrail-matches',
				'group_label' => __('LeadTrail: how this address was found', 'leadtrail'),
				'group_description' => __('Each contact or request that holds this address, and what it brought into this export. A visitor\'s data is included only when the visitor gave the address itself, with the token its browser holds.', 'leadtrail'),
				'item_id' => 'leadtrail-match-' . $match->kind . '-' . $match->id,
				'data' => [['name' => __('Match', 'leadtrail'), 'value' => self::line($match)]],
			];
		}
		return $items;
	}

	private static function line(AddressMatch $match): string
	{
		if ($match->kind === AddressMatch::CONTACT) {
			return $match->linksVisitor()
				/* translators: 1: contact row id, 2: visitor id */
				? sprintf(__('Contact %1$d: this address was given by visitor %2$d with its token, so all of that visitor\'s data is exported.', 'leadtrail'), $match->id, $match->visitorId)
				/* translators: %d: contact row id */
				: sprintf(__('Contact %d: this address was attached to a visitor without the visitor\'s token; only the address is exported, not that visitor\'s data.', 'leadtrail'), $match->id);
		}
		if ($match->linksVisitor()) {
			/* translators: 1: request id, 2: visitor id */
			return sprintf(__('Request %1$d was sent with this address by visitor %2$d with its token, so all of that visitor\'s data is exported.', 'leadtrail'), $match->id, $match->visitorId);
		}
		return $match->visitorId > 0
			/* translators: %d: request id */
			? sprintf(__('Request %d was sent with this address without the visitor\'s token; only this request is exported, not the data of the visitor it named.', 'leadtrail'), $match->id)
			/* translators: %d: request id */
			: sprintf(__('Request %d was sent with this address and no visitor; only this request is exported.', 'leadtrail'), $match->id);
	}
}
