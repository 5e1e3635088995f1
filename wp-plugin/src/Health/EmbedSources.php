<?php

declare(strict_types=1);

namespace LeadTrail\Health;

/**
 * Where a snippet found in the page is likely stored, so the owner knows what
 * to remove: a setting in the database (header and footer plugins, the
 * Customizer, widgets), a post's content, or a file of the active theme, a
 * must-use plugin or an active plugin. Run only when a snippet was found.
 */
final class EmbedSources
{
	public const MAX_PLACES = 5;
	/** Files read per search, so a site with large plugins is not read in full. */
	private const MAX_FILES = 4000;
	private const MAX_FILE_BYTES = 1048576;
	private const EXTENSIONS = ['php', 'html', 'htm', 'js', 'twig'];
	private const SKIPPED_DIRECTORIES = ['node_modules', 'vendor', '.git'];

	private int $filesLeft = self::MAX_FILES;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** @return list<string> where `$needle` is stored, as the owner would look for it */
	public function find(string $needle): array
	{
		$places = array_merge($this->inOptions($needle), $this->inPosts($needle));
		foreach ($this->directories() as $directory => $label) {
			foreach ($this->filesWith($needle, $directory) as $file) {
				/* translators: 1: what the file belongs to (the theme, a plugin), 2: its path */
				$places[] = sprintf(__('%1$s: %2$s', 'leadtrail'), $label, self::shortPath($file));
			}
		}
		return array_slice($places, 0, self::MAX_PLACES);
	}

	/** @return list<string> */
	private function inOptions(string $needle): array
	{
		$wpdb = $this->wpdb;
		$names = $wpdb->get_col($wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_value LIKE %s
				AND option_name NOT LIKE %s AND option_name NOT LIKE %s AND option_name NOT LIKE %s LIMIT %d",
			'%' . $wpdb->esc_like($needle) . '%',
			$wpdb->esc_like('_transient_') . '%',
			$wpdb->esc_like('_site_transient_') . '%',
			$wpdb->esc_like('leadtrail_') . '%',
			self::MAX_PLACES
		));
		return array_map(static fn (string $name): string => self::optionPlace($name), array_map('strval', $names));
	}

	private static function optionPlace(string $name): string
	{
		if (str_starts_with($name, 'theme_mods_')) {
			/* translators: %s: the theme's folder name */
			return sprintf(__('the Customizer settings of the theme “%s” (Appearance > Customize)', 'leadtrail'), substr($name, 11));
		}
		if (str_starts_with($name, 'widget_')) {
			/* translators: %s: the option that holds the widgets */
			return sprintf(__('a widget (Appearance > Widgets; option “%s”)', 'leadtrail'), $name);
		}
		/* translators: %s: the option's name */
		return sprintf(__('the setting “%s” in the database, most likely a header and footer code plugin’s', 'leadtrail'), $name);
	}

	/** @return list<string> */
	private function inPosts(string $needle): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT ID, post_type, post_title FROM {$wpdb->posts} WHERE post_content LIKE %s
				AND post_status NOT IN ('trash', 'auto-draft', 'inherit') LIMIT %d",
			'%' . $wpdb->esc_like($needle) . '%',
			self::MAX_PLACES
		));
		return array_map(static fn (object $row): string => sprintf(
			/* translators: 1: post title, 2: post type, 3: post ID */
			__('the content of “%1$s” (%2$s %3$d)', 'leadtrail'),
			(string) $row->post_title,
			(string) $row->post_type,
			(int) $row->ID
		), is_array($rows) ? $rows : []);
	}

	/** @return array<string, string> directory => what it is */
	private function directories(): array
	{
		$directories = [get_stylesheet_directory() => __('the theme’s file', 'leadtrail')];
		if (get_template_directory() !== get_stylesheet_directory()) {
			$directories[get_template_directory()] = __('the parent theme’s file', 'leadtrail');
		}
		$directories[WPMU_PLUGIN_DIR] = __('a must-use plugin’s file', 'leadtrail');
		$ours = dirname(LEADTRAIL_FILE);
		foreach ((array) get_option('active_plugins', []) as $plugin) {
			$directory = WP_PLUGIN_DIR . '/' . dirname((string) $plugin);
			if ($directory !== WP_PLUGIN_DIR . '/.' && realpath($directory) !== realpath($ours)) {
				$directories[$directory] = __('a plugin’s file', 'leadtrail');
			}
		}
		return array_filter($directories, static fn (string $label, string $directory): bool => is_dir($directory), ARRAY_FILTER_USE_BOTH);
	}

	/** @return list<string> */
	private function filesWith(string $needle, string $directory): array
	{
		$found = [];
		$files = new \RecursiveIteratorIterator(new \RecursiveCallbackFilterIterator(
			new \RecursiveDirectoryIterator($directory, \FilesystemIterator::SKIP_DOTS),
			static fn (\SplFileInfo $file): bool => $file->isDir()
				? !in_array($file->getFilename(), self::SKIPPED_DIRECTORIES, true)
				: in_array(strtolower($file->getExtension()), self::EXTENSIONS, true)
		));
		foreach ($files as $file) {
			if ($this->filesLeft-- <= 0) {
				break;
			}
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- reads a local theme or plugin file, never a URL
			if ($file->getSize() <= self::MAX_FILE_BYTES && str_contains((string) file_get_contents($file->getPathname()), $needle)) {
				$found[] = $file->getPathname();
			}
		}
		return $found;
	}

	/** The path under wp-content, as the owner sees it over FTP or in a file manager. */
	private static function shortPath(string $file): string
	{
		$content = wp_normalize_path(WP_CONTENT_DIR) . '/';
		$file = wp_normalize_path($file);
		return str_starts_with($file, $content) ? 'wp-content/' . substr($file, strlen($content)) : $file;
	}
}
