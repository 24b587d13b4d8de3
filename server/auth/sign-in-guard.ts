/**
 * Everything that stands between a sign-in request and a password guess:
 * the per-username slow-down, device tokens that let a known browser past
 * it, and the keyed username tags both are filed under. In memory only; a
 * restart forgets the slow-down (device tokens, being signed, survive).
 */
import { DeviceTokenSigner } from '../crypto/device-token';
import { createUsernameTagger, type UsernameTagger } from '../crypto/username-tag';
import { DeviceTrust } from './device-trust';
import { LoginThrottle } from './login-throttle';

/** How long a device token is honoured: each sign-in from the browser renews it. */
export const DEVICE_TOKEN_MAX_AGE_SECONDS = 180 * 86_400;
/** Tokens one browser keeps, one per account, most recently used first. */
export const MAX_DEVICE_TOKENS = 5;

export interface SignInGuard {
  tagOf: UsernameTagger;
  throttle: LoginThrottle;
  tokens: DeviceTokenSigner;
  devices: DeviceTrust;
}

/** A fresh guard; device tokens are signed under a key derived from the instance key. */
export function createSignInGuard(instanceKey: Uint8Array): SignInGuard {
  return {
    tagOf: createUsernameTagger(),
    throttle: new LoginThrottle(),
    tokens: new DeviceTokenSigner(instanceKey),
    devices: new DeviceTrust(),
  };
}
