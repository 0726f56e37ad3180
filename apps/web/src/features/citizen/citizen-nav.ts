/**
 * The few citizen strings the header needs on every page (sign in with VNeID, the name, sign out).
 * They load with the public bundle; the citizen pages' own strings load with those pages
 * (i18n/messages-citizen.ts). English must have the same keys (the type checks it).
 */
import { addMessages, type Message, type MessageKey } from '../../i18n/messages.ts';

export const citizenNavVi = {
  'citizenNav.login': 'Đăng nhập bằng VNeID',
  'citizenNav.logout': 'Đăng xuất',
  'citizenNav.mine': 'Hồ sơ của tôi',
  'citizenNav.signedIn': 'Công dân đã đăng nhập:',
  'citizenNav.submitOnline': 'Nộp trực tuyến',
  'citizenNav.submitHint': 'Đăng nhập bằng tài khoản định danh điện tử VNeID để nộp hồ sơ, theo dõi và nhận kết quả trực tuyến.',
  'citizenNav.submitHintLevel2': 'Thủ tục này cần tài khoản định danh điện tử VNeID mức 2.',
} satisfies Record<string, Message>;

export type CitizenNavKey = keyof typeof citizenNavVi;

export const citizenNavEn: Record<CitizenNavKey, Message> = {
  'citizenNav.login': 'Sign in with VNeID',
  'citizenNav.logout': 'Sign out',
  'citizenNav.mine': 'My applications',
  'citizenNav.signedIn': 'Signed in as',
  'citizenNav.submitOnline': 'Apply online',
  'citizenNav.submitHint':
    'Sign in with your VNeID electronic identity to apply, follow your application and receive the result online.',
  'citizenNav.submitHintLevel2': 'This procedure needs a level 2 VNeID account.',
};

// The base dictionary types only its own keys; these join it at run time (see useCitizenT).
type Area = Partial<Record<MessageKey, Message>>;
addMessages(citizenNavVi as unknown as Area, citizenNavEn as unknown as Area);
