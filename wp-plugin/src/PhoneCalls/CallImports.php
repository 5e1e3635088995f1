<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * The uploaded call logs waiting to be imported, one row each, readable only by
 * the user who uploaded them; a day after its upload a log is deleted.
 */
final class CallImports
{
	private const KEPT = DAY_IN_SECONDS;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** @return int|null the new import's id, null when the database refused it */
	public function add(int $userId, string $fileName, string $content): ?int
	{
		$this->prune();
		$ok = $this->wpdb->insert($this->wpdb->leadtrail_call_imports, [
			'user_id' => $userId,
			'file_name' => $fileName,
			'content' => $content,
			'created_at' => gmdate('Y-m-d H:i:s'),
		], ['%d', '%s', '%s', '%s']);
		return $ok === false ? null : (int) $this->wpdb->insert_id;
	}

	/** Deletes the logs uploaded more than a day ago: they hold callers' numbers, kept no longer than an import needs. */
	public function prune(): void
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_call_imports} WHERE created_at < %s", gmdate('Y-m-d H:i:s', time() - self::KEPT)));
	}

	/** @return array{id: int, file_name: string, log: CallLog}|null */
	public function find(int $id, int $userId): ?array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row($wpdb->prepare(
			"SELECT id, file_name, content FROM {$wpdb->leadtrail_call_imports} WHERE id = %d AND user_id = %d",
			$id,
			$userId
		), ARRAY_A);
		return is_array($row) ? ['id' => (int) $row['id'], 'file_name' => (string) $row['file_name'], 'log' => new CallLog((string) $row['content'])] : null;
	}
}
