// The signal of a new waiting chat: a short tone and a browser notification, each switchable.

/** Plays a short tone if `sound`, and shows a notification if `notify` and the browser allows it. */
export function alert(title: string, sound: boolean, notify: boolean) {
  if (sound) {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.connect(audio.destination);
      tone.frequency.value = 880;
      tone.start();
      tone.stop(audio.currentTime + 0.2);
    } catch {
      // No audio (autoplay refused, no device): the list still shows the chat.
    }
  }
  if (notify && typeof Notification != 'undefined') {
    if (Notification.permission == 'granted') new Notification(title);
    else if (Notification.permission == 'default') void Notification.requestPermission();
  }
}
