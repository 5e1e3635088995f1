<?php
/**
 * The reference page's server-side handler (SPEC A6, "Альтернативный способ"), as a site owner
 * would write it: it copies the credentials the page put into the form and posts the lead to
 * `{consultant_server_url}api/add_offline_message/`, form-encoded.
 *
 * Served from the harness site's root as /send.php (test/harness/wordpress.mjs copies it there).
 * A classic form post is redirected back to the page with the result; an AJAX post (jQuery sends
 * X-Requested-With) gets the reference page's text answer, as its sendAjax.php prints it.
 */

declare(strict_types=1);

/* Здесь код по умолчанию, связанный с обработкой заявки на серверной стороне. */

/** @return array{0: string, 1: string} "ok" or a refusal's code, and the answer's body */
function leadtrail_demo_forward(): array
{
	$server = isset($_POST['consultant_server_url']) && is_string($_POST['consultant_server_url']) ? $_POST['consultant_server_url'] : '';
	// The reference page trusts the posted URL. Never do that: anyone could make this server post
	// anywhere (SSRF). Here it must be this very site, as the server (not the request's Host) names it.
	$site = (string) ($_SERVER['SERVER_NAME'] ?? '') . ':' . (string) ($_SERVER['SERVER_PORT'] ?? '');
	if (preg_match('#^https?://' . preg_quote($site, '#') . '/#', $server) !== 1) {
		return ['bad_consultant_server_url', ''];
	}

	$url = $server . 'api/add_offline_message/';
	$field = static fn (string $name): string => isset($_POST[$name]) && is_string($_POST[$name]) ? $_POST[$name] : '';
	$data = array(
		'site_key' => $field('site_key'), //Значение без изменений из служебного поля site_key
		'visitor_id' => $field('visitor_id'), //Значение без изменений из служебного поля visitor_id
		'hit_id' => $field('hit_id'), //Значение без изменений из служебного поля hit_id
		'session_id' => $field('session_id'), //Значение без изменений из служебного поля session_id
		'name' => $field('name'), //Имя клиента
		'email' => $field('email'), //E-mail
		'phone' => $field('phone'), //Номер телефона
		'text' => $field('text'), //Текст заявки
		'is_sale' => true, //true, если это продажа
		'sale_cost' => 10000, //Сумма сделки. Если нужно передать сумму сделки, то is_sale обязательно равно true
	);
	$content = http_build_query($data);
	$header = "Content-type: application/x-www-form-urlencoded; charset=UTF-8";

	if (function_exists('curl_init')) {
		$curl = curl_init($url);
		curl_setopt_array($curl, [
			CURLOPT_POST => true,
			CURLOPT_POSTFIELDS => $content,
			CURLOPT_HTTPHEADER => [$header],
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT => 10,
		]);
		$result = curl_exec($curl);
		curl_close($curl);
	} else {
		// The reference page's own way.
		$options = array('http' => array('header' => $header, 'method' => "POST", 'content' => $content, 'ignore_errors' => true));
		$result = file_get_contents($url, false, stream_context_create($options));
	}

	$resultArray = is_string($result) ? json_decode($result, true) : null;
	if ($result === false || !is_array($resultArray) || ($resultArray['success'] ?? false) !== true) {
		/* Здесь могут быть действия на тот случай, если отправка заявки завершилась ошибкой. */
		$code = is_array($resultArray) && is_string($resultArray['result']['code'] ?? null) ? $resultArray['result']['code'] : 'no_answer';
		return [$code, is_string($result) ? $result : ''];
	}
	return ['ok', $result];
}

if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST') {
	http_response_code(405);
	header('Allow: POST');
	exit;
}

[$code] = leadtrail_demo_forward();

if (strtolower((string) ($_SERVER['HTTP_X_REQUESTED_WITH'] ?? '')) === 'xmlhttprequest') {
	header('Content-Type: text/plain; charset=utf-8');
	print $code === 'ok' ? 'Заявка успешно сохранена.' : 'Произошла непредвиденная ошибка (' . $code . ')';
	exit;
}

$referer = (string) ($_SERVER['HTTP_REFERER'] ?? '');
$host = (string) ($_SERVER['HTTP_HOST'] ?? '');
$back = preg_match('#^https?://' . preg_quote($host, '#') . '/#', $referer) === 1 ? strtok($referer, '?#') : '/leadtrail-demo/';
header('Location: ' . $back . '?demo_form=classic&demo_result=' . rawurlencode($code) . '#demo-classic-result', true, 303);
