/** The auth feature's public face: the screens before a session is open, and the renew form the sync page reuses. */
export { AuthFrame } from './auth-frame';
export { ChangePinScreen } from './change-pin-screen';
export { ChoosePinScreen } from './choose-pin-screen';
export { RecoverScreen } from './recover-screen';
export { RenewSignInForm } from './renew-sign-in-form';
export { SignInScreen } from './sign-in-screen';
export { UnlockScreen } from './unlock-screen';
export { WipeScreen } from './wipe-screen';
