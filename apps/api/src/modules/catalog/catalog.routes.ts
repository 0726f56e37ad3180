import type { App } from '../../app.ts';

export function catalogRoutes(app: App): void {
  void app;
}
