/** The methods the vendor documents on `Comagic` (A1–A19, N4–N7; A8 sits under `Captcha`). */
export const COMAGIC_METHODS = [
  'trackEvent',
  'getOperatorStatus',
  'openSiteRequestPanel',
  'addOfflineRequest',
  'getCredentials',
  'Captcha.get_captcha',
  'openChatWindow',
  'getVisitorId',
  'getSessionId',
  'addVisitorInfo',
  'setProperty',
  'hasProperty',
  'getProperty',
  'deleteProperty',
  'reinitTrackView',
  'getPhones',
  'getDTPhones',
  'getReplacedPhones',
] as const;

/** The methods the vendor documents on `ComagicWidget` (A7, A10). */
export const WIDGET_METHODS = ['openSitePhonePanel', 'sitePhoneCall'] as const;
