<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * The "LeadTrail" menu in wp-admin: Settings, Visitors and Events.
 */
final class Menu
{
	public const CAPABILITY = 'manage_options';

	public function __construct(
		private readonly SettingsPage $settings,
		private readonly VisitorsPage $visitors,
		private readonly EventsPage $events,
	) {
	}

	public function register(): void
	{
		add_menu_page(
			__('LeadTrail', 'leadtrail'),
			__('LeadTrail', 'leadtrail'),
			self::CAPABILITY,
			SettingsPage::SLUG,
			[$this->settings, 'render'],
			'dashicons-chart-line'
		);
		// Repeats the parent slug so the first submenu item reads "Settings", not "LeadTrail".
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail settings', 'leadtrail'),
			__('Settings', 'leadtrail'),
			self::CAPABILITY,
			SettingsPage::SLUG,
			[$this->settings, 'render']
		);
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail visitors', 'leadtrail'),
			__('Visitors', 'leadtrail'),
			self::CAPABILITY,
			VisitorsPage::SLUG,
			[$this->visitors, 'render']
		);
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail events', 'leadtrail'),
			__('Events', 'leadtrail'),
			self::CAPABILITY,
			EventsPage::SLUG,
			[$this->events, 'render']
		);
	}
}
