<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * The integrations of automatic capture; each hooks in only when its plugin is there.
 */
final class Integrations
{
	/** @return list<Integration> */
	public static function all(): array
	{
		return [
			new ContactForm7(),
			new WPForms(),
			new GravityForms(),
			new ElementorPro(),
			new NinjaForms(),
			new FluentForms(),
			new Formidable(),
			new WooCommerce(),
			new Comments(),
			new PlainForm(),
			new CustomAction(),
		];
	}

	/** On plugins_loaded, once the form plugins have defined their classes. */
	public static function register(): void
	{
		$capture = Capture::forRequest();
		foreach (self::all() as $integration) {
			try {
				if ($integration->isActive()) {
					$integration->register($capture);
				}
			} catch (\Throwable $error) {
				error_log('LeadTrail: the ' . $integration->id() . ' integration could not start: ' . $error->getMessage()); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			}
		}
	}
}
