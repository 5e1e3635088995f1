<?php

declare(strict_types=1);

namespace LeadTrail\Retention;

use LeadTrail\Phones\NumberHistory;
use LeadTrail\Storage\Tables;

/**
 * The Pruner's steps in SQL: each statement deletes at most one batch through an
 * index on the row's own time, so no statement locks much of a table for long.
 * Leads (requests) and callback orders are never deleted here.
 */
final class WpdbPruneStore implements PruneStore
{
	/** Each time-based step: its table and the column that dates a row. */
	private const BY_TIME = [
		Pruner::EVENTS => [Tables::EVENTS, 'created_at'],
		Pruner::HITS => [Tables::HITS, 'created_at'],
		Pruner::SESSIONS => [Tables::SESSIONS, 'last_hit_at'],
		Pruner::CALLS_SEEN => [Tables::REQUESTS_SEEN, 'created_at'],
	];
	/** What a deleted visitor leaves behind: its properties, contacts and call answers. */
	private const VISITOR_DATA = [Tables::PROPERTIES, Tables::CONTACTS, Tables::REQUESTS_SEEN];
	/** A visitor with any of these rows is kept. */
	private const KEEPS_VISITOR = [Tables::SESSIONS, Tables::HITS, Tables::EVENTS, Tables::REQUESTS, Tables::CALLBACKS, Tables::PHONE_CALLS, Tables::CHATS];

	/** The visitors step walks the old visitors by id: those it keeps are not read again in this run. */
	private int $afterVisitor = 0;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public function delete(string $step, string $cutoff, int $limit): int
	{
		if ($step === Pruner::VISITORS) {
			return $this->deleteIdleVisitors($cutoff, $limit);
		}
		if ($step === Pruner::CHATS) {
			return $this->deleteOldChats((int) strtotime($cutoff . ' UTC'), $limit);
		}
		if ($step === Pruner::NUMBER_HOLDS || $step === Pruner::NUMBER_SLOTS) {
			$sql = $step === Pruner::NUMBER_HOLDS ? NumberHistory::pruneHolds($this->wpdb->prefix) : NumberHistory::pruneSlots($this->wpdb->prefix);
			return (int) $this->wpdb->query($this->wpdb->prepare($sql, $cutoff, $limit));
		}
		[$table, $column] = self::BY_TIME[$step];
		return (int) $this->wpdb->query($this->wpdb->prepare(
			'DELETE FROM ' . Tables::name($this->wpdb, $table) . " WHERE {$column} < %s LIMIT %d",
			$cutoff,
			$limit
		));
	}

	/**
	 * Chats untouched since the cutoff (unix seconds: chats keep their times so), their
	 * messages first. Answers how many chats went.
	 */
	private function deleteOldChats(int $cutoff, int $limit): int
	{
		$chats = Tables::name($this->wpdb, Tables::CHATS);
		$ids = array_map('intval', $this->wpdb->get_col($this->wpdb->prepare(
			"SELECT id FROM {$chats} WHERE updated_at < %d ORDER BY id LIMIT %d",
			$cutoff,
			$limit
		)));
		if ($ids === []) {
			return 0;
		}
		$in = implode(',', array_fill(0, count($ids), '%d'));
		$this->wpdb->query($this->wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- one %d per id, built above
			'DELETE FROM ' . Tables::name($this->wpdb, Tables::CHAT_MESSAGES) . " WHERE chat_id IN ({$in})",
			...$ids
		));
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- one %d per id, built above
		return (int) $this->wpdb->query($this->wpdb->prepare("DELETE FROM {$chats} WHERE id IN ({$in})", ...$ids));
	}

	/**
	 * Visitors not seen since the cutoff that have nothing left that keeps them,
	 * then their own data. The last-seen test also spares a visitor whose first
	 * hit is being written right now. Answers how many old visitors it looked at.
	 */
	private function deleteIdleVisitors(string $cutoff, int $limit): int
	{
		$visitors = Tables::name($this->wpdb, Tables::VISITORS);
		$ids = array_map('intval', $this->wpdb->get_col($this->wpdb->prepare(
			"SELECT id FROM {$visitors} WHERE id > %d AND last_seen_at < %s ORDER BY id LIMIT %d",
			$this->afterVisitor,
			$cutoff,
			$limit
		)));
		if ($ids === []) {
			return 0;
		}
		$this->afterVisitor = max($ids);
		$in = implode(',', array_fill(0, count($ids), '%d'));
		$kept = implode(' AND ', array_map(
			fn (string $table): string => 'NOT EXISTS (SELECT 1 FROM ' . Tables::name($this->wpdb, $table) . " k WHERE k.visitor_id = {$visitors}.id)",
			self::KEEPS_VISITOR
		));
		$this->wpdb->query($this->wpdb->prepare(
			"DELETE FROM {$visitors} WHERE id IN ({$in}) AND last_seen_at < %s AND {$kept}",
			...[...$ids, $cutoff]
		));
		// Only the data of the visitors that are gone: a kept visitor keeps its own.
		foreach (self::VISITOR_DATA as $table) {
			$name = Tables::name($this->wpdb, $table);
			$this->wpdb->query($this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- one %d per id, built above
				"DELETE FROM {$name} WHERE visitor_id IN ({$in}) AND NOT EXISTS (SELECT 1 FROM {$visitors} v WHERE v.id = {$name}.visitor_id)",
				...$ids
			));
		}
		return count($ids);
	}
}
