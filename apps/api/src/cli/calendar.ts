import type { Command } from 'commander';

export function calendarCommands(program: Command): void {
  void program;
}
