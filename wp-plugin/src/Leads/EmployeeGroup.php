<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * One employee group that requests can be addressed to (A4's group_id).
 */
final class EmployeeGroup
{
	public function __construct(
		public readonly int $id,
		public readonly string $name,
		/** Where notices of its requests go; "" for none. */
		public readonly string $email,
	) {
	}

	/** @return array{id: int, name: string, email: string} */
	public function toArray(): array
	{
		return ['id' => $this->id, 'name' => $this->name, 'email' => $this->email];
	}
}
