import type { NotificationData } from '@mantine/notifications';

/**
 * Show a notification from a screen of the first load (the home screen): the notifications package
 * (and its transitions) is fetched when the first one is shown, not with the first screen
 * (issue 17's 150 KB budget). Later pages import `notifications` directly.
 */
export function notify(data: NotificationData): void {
  void import('@mantine/notifications').then(({ notifications }) => notifications.show(data));
}
