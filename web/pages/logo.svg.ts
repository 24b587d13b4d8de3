/**
 * The operator's logo as a file of its own, built with the site: the profile's
 * (SITE_CONFIG "logo"), else web/assets/logo.svg. /favicon.svg and /logo.svg
 * are the same picture.
 */
import type { APIRoute } from 'astro';
import defaultLogo from '../assets/logo.svg?raw';
import { logoForBuild } from '../lib/build-profile';

export const GET: APIRoute = () => new Response(logoForBuild(defaultLogo), { headers: { 'content-type': 'image/svg+xml' } });
