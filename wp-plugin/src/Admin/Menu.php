<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * The "LeadTrail" menu in wp-admin: Settings, Visitors, Events and Requests.
 */
final class Menu
{
	public const CAPABILITY = 'manage_options';

	public function __construct(
		private readonly SettingsPage $settings,
		private readonly VisitorsPage $visitors,
		private readonly EventsPage $events,
		private readonly RequestsPage $requests,
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
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail requests', 'leadtrail'),
			__('Requests', 'leadtrail'),
			self::CAPABILITY,
			RequestsPage::SLUG,
			[$this->requests, 'render']
		);
	}
}
