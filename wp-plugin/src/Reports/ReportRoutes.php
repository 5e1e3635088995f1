<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

/**
 * The overview's REST routes under leadtrail/v1/reports/ (docs/contracts.md, "Reports"):
 * readable only with ReportAccess; wp-admin sends its REST nonce with each call.
 */
final class ReportRoutes
{
	private const NAMESPACE = 'leadtrail/v1';
	private const TOUCH = ['last' => 'l', 'first' => 'f'];
	/** Seconds of recomputing per rebuild call, well inside a request's time limit. */
	private const REBUILD_SLICE = 5.0;

	public static function register(): void
	{
		$routes = new self();
		$read = static fn (): bool => ReportAccess::allowed();
		foreach (['overview', 'channels', 'pages', 'events', 'leads'] as $name) {
			register_rest_route(self::NAMESPACE, '/reports/' . $name, [
				'methods' => 'GET',
				'callback' => [$routes, $name],
				'permission_callback' => $read,
			]);
		}
		register_rest_route(self::NAMESPACE, '/reports/rebuild', [
			'methods' => 'POST',
			'callback' => [$routes, 'rebuild'],
			'permission_callback' => static fn (): bool => current_user_can('manage_options'),
		]);
	}

	public function overview(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
	{
		return $this->answer($request, function (ReportRange $range, string $touch, ReportQuery $query) use ($request): array {
			$answer = ['range' => $this->rangeOf($range), 'totals' => $query->totals($range), 'chart' => $query->chart($range)];
			if ($request->get_param('compare') === '1') {
				$previous = $range->previous();
				$answer['previous'] = ['range' => $this->rangeOf($previous), 'totals' => $query->totals($previous), 'chart' => $query->chart($previous)];
			}
			return $answer;
		});
	}

	public function channels(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
	{
		$source = $request->get_param('source');
		$medium = $request->get_param('medium');
		if (($source === null) !== ($medium === null) || ($source !== null && (!is_string($source) || !is_string($medium)))) {
			return self::invalid($source === null ? 'source' : 'medium');
		}
		return $this->answer($request, static fn (ReportRange $range, string $touch, ReportQuery $query): array => [
			'rows' => $query->channels($range, $touch, $source, $medium),
		]);
	}

	public function pages(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
	{
		return $this->answer($request, static fn (ReportRange $range, string $touch, ReportQuery $query): array => ['rows' => $query->pages($range)]);
	}

	public function events(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
	{
		return $this->answer($request, static fn (ReportRange $range, string $touch, ReportQuery $query): array => ['rows' => $query->events($range)]);
	}

	public function leads(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
	{
		$source = $request->get_param('source');
		$medium = $request->get_param('medium');
		$campaign = $request->get_param('campaign');
		foreach (['source' => $source, 'medium' => $medium] as $field => $value) {
			if (!is_string($value)) {
				return self::invalid($field);
			}
		}
		if ($campaign !== null && !is_string($campaign)) {
			return self::invalid('campaign');
		}
		return $this->answer($request, static function (ReportRange $range, string $touch) use ($source, $medium, $campaign): array {
			global $wpdb;
			return ['rows' => (new ChannelLeads($wpdb, ReportSite::bounds()))->list($range, $touch, $source, $medium, $campaign)];
		});
	}

	public function rebuild(\WP_REST_Request $request): \WP_REST_Response
	{
		global $wpdb;
		$rebuild = new Rebuild($wpdb, ReportSite::bounds());
		if ($request->get_param('restart') === '1' || get_option(Rebuild::STATE) === false) {
			$rebuild->start(ReportSite::today());
		}
		return self::noStore(new \WP_REST_Response($rebuild->step(self::REBUILD_SLICE)));
	}

	/**
	 * Checks the range and attribution, brings the aggregates up to date, and answers what $build returns.
	 *
	 * @param callable(ReportRange, string, ReportQuery): array<string, mixed> $build
	 */
	private function answer(\WP_REST_Request $request, callable $build): \WP_REST_Response|\WP_Error
	{
		$range = ReportRange::parse($request->get_param('from'), $request->get_param('to'));
		if (is_string($range)) {
			return self::invalid($range);
		}
		$touch = $request->get_param('touch') ?? 'last';
		if (!is_string($touch) || !isset(self::TOUCH[$touch])) {
			return self::invalid('touch');
		}
		$compare = $request->get_param('compare');
		if ($compare !== null && $compare !== '0' && $compare !== '1') {
			return self::invalid('compare');
		}
		CatchUp::runIfStale();
		global $wpdb;
		return self::noStore(new \WP_REST_Response($build($range, self::TOUCH[$touch], new ReportQuery($wpdb, ReportSite::bounds()))));
	}

	/** @return array{from: string, to: string} */
	private function rangeOf(ReportRange $range): array
	{
		return ['from' => $range->from, 'to' => $range->to];
	}

	private static function invalid(string $field): \WP_Error
	{
		return new \WP_Error(
			'leadtrail_invalid_' . $field,
			/* translators: %s: the name of a query parameter */
			sprintf(__('The parameter "%s" is missing or not valid.', 'leadtrail'), $field),
			['status' => 400, 'field' => $field]
		);
	}

	private static function noStore(\WP_REST_Response $response): \WP_REST_Response
	{
		$response->header('Cache-Control', 'no-store');
		return $response;
	}
}
