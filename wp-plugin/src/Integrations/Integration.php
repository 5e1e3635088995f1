<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * One source of automatically captured leads: a form plugin's "submitted" hook, WooCommerce's
 * order hooks, comments, plain forms or the custom action (docs/contracts.md, "Automatic capture").
 * Adding a form plugin is one class that implements this and one line in Integrations::all().
 */
interface Integration
{
	/** The request's `source`, e.g. "cf7". */
	public function id(): string;

	/** Whether the plugin it hooks is there (and, for comments, switched on). */
	public function isActive(): bool;

	/** Adds its hooks; each hook hands a Submission to $capture, which never throws. */
	public function register(Capture $capture): void;
}
