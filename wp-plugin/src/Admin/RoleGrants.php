<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * Which roles the Roles form grants each capability: the posted lists of role names,
 * checked against the site's roles. Administrators always have every capability.
 */
final class RoleGrants
{
	public const ADMINISTRATOR = 'administrator';

	/**
	 * @param array<string, list<string>> $granted capability => roles that get it
	 */
	private function __construct(private readonly array $granted)
	{
	}

	/**
	 * Reads the form's value (capability => list of role names); a role name that is not one
	 * of $roles (or not text) refuses the whole form: answers that name.
	 *
	 * @param list<string> $capabilities
	 * @param list<string> $roles
	 */
	public static function fromForm(mixed $posted, array $capabilities, array $roles): self|string
	{
		$posted = is_array($posted) ? $posted : [];
		$granted = [];
		foreach ($capabilities as $capability) {
			$names = $posted[$capability] ?? [];
			$granted[$capability] = [];
			foreach (is_array($names) ? $names : [$names] as $name) {
				if (!is_string($name) || !in_array($name, $roles, true)) {
					return is_string($name) ? $name : '';
				}
				$granted[$capability][] = $name;
			}
		}
		return new self($granted);
	}

	public function grants(string $role, string $capability): bool
	{
		return $role === self::ADMINISTRATOR || in_array($role, $this->granted[$capability] ?? [], true);
	}
}
