<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

use LeadTrail\Storage\SiteLock;
use LeadTrail\Storage\Tables;

/**
 * Gives the visitors, sessions and hits counted up with AUTO_INCREMENT before ids
 * were random a random id each (PublicIds), in their own table and in every column
 * that refers to them, so that an id known from before the upgrade finds nothing.
 *
 * Resumable: an id below PublicIds::MIN is one still to do, each old id gets one
 * new id in a map table kept until its table is done, and each UPDATE is one atomic
 * statement that maps only old ids, so a run cut short is finished by the next.
 */
final class IdRenumbering
{
	/** Map rows written per INSERT. */
	private const CHUNK = 1000;

	/** table => the columns of other tables that hold its ids, as [table, column] */
	private const REFERENCES = [
		Tables::VISITORS => [
			[Tables::SESSIONS, 'visitor_id'], [Tables::HITS, 'visitor_id'], [Tables::EVENTS, 'visitor_id'],
			[Tables::CONTACTS, 'visitor_id'], [Tables::PROPERTIES, 'visitor_id'], [Tables::REQUESTS_SEEN, 'visitor_id'],
			[Tables::REQUESTS, 'visitor_id'], [Tables::CALLBACKS, 'visitor_id'],
		],
		Tables::SESSIONS => [
			[Tables::VISITORS, 'last_session_id'], [Tables::HITS, 'session_id'], [Tables::EVENTS, 'session_id'],
			[Tables::REQUESTS, 'session_id'], [Tables::CALLBACKS, 'session_id'],
		],
		Tables::HITS => [
			[Tables::EVENTS, 'hit_id'], [Tables::REQUESTS, 'hit_id'], [Tables::CALLBACKS, 'hit_id'],
		],
	];

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * Does nothing while another request of the same site holds the work (a named lock,
	 * not waited for, so no page view blocks on an upgrade): that one finishes it.
	 */
	public function run(): void
	{
		SiteLock::run($this->wpdb, 'leadtrail_renumbering', 0, $this->renumber(...));
	}

	private function renumber(): void
	{
		foreach (self::REFERENCES as $table => $references) {
			$map = $this->mapFor($table);
			foreach ($references as [$referring, $column]) {
				$this->query(sprintf(
					'UPDATE %1$s r JOIN %2$s m ON m.old_id = r.%3$s SET r.%3$s = m.new_id',
					Tables::name($this->wpdb, $referring),
					$map,
					$column,
				));
			}
			$this->query(sprintf('UPDATE %1$s t JOIN %2$s m ON m.old_id = t.id SET t.id = m.new_id', Tables::name($this->wpdb, $table), $map));
			$this->query("DROP TABLE IF EXISTS {$map}");
		}
	}

	/** The map of $table's old ids to new ones, complete: every old id has a new id no row holds. */
	private function mapFor(string $table): string
	{
		$rows = Tables::name($this->wpdb, $table);
		$map = Tables::name($this->wpdb, 'leadtrail_renumber_' . substr($table, strlen('leadtrail_')));
		$this->query("CREATE TABLE IF NOT EXISTS {$map} (old_id bigint(20) unsigned NOT NULL, new_id bigint(20) unsigned NOT NULL, PRIMARY KEY (old_id), UNIQUE KEY new_id (new_id)) {$this->wpdb->get_charset_collate()}");

		$last = 0;
		while (($ids = $this->ids("SELECT id FROM {$rows} WHERE id > {$last} AND id < " . PublicIds::MIN . ' ORDER BY id LIMIT ' . self::CHUNK)) !== []) {
			$this->insertMap($map, $ids);
			$last = (int) end($ids);
		}
		// A new id drawn twice (the map's unique key dropped the second) or already a row's id: draw again.
		do {
			$this->query("DELETE m FROM {$map} m JOIN {$rows} t ON t.id = m.new_id");
			$missing = $this->ids("SELECT t.id FROM {$rows} t LEFT JOIN {$map} m ON m.old_id = t.id WHERE t.id < " . PublicIds::MIN . ' AND m.old_id IS NULL LIMIT ' . self::CHUNK);
			if ($missing !== []) {
				$this->insertMap($map, $missing);
			}
		} while ($missing !== []);
		return $map;
	}

	/** @param list<int> $ids */
	private function insertMap(string $map, array $ids): void
	{
		$values = implode(', ', array_map(static fn (int $id): string => '(' . $id . ', ' . PublicIds::draw() . ')', $ids));
		$this->query("INSERT IGNORE INTO {$map} (old_id, new_id) VALUES {$values}");
	}

	/** @return list<int> */
	private function ids(string $sql): array
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- only table names and integers.
		return array_map('intval', $this->wpdb->get_col($sql));
	}

	private function query(string $sql): void
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- only table names and integers.
		if ($this->wpdb->query($sql) === false) {
			throw new \RuntimeException('Renumbering the ids failed: ' . $this->wpdb->last_error);
		}
	}
}
