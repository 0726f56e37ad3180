import type { App } from '../../app.ts';

export function calendarRoutes(app: App): void {
  void app;
}
