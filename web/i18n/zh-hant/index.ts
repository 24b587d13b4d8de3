import type { Catalogue } from '../types';
import console from './console.json';
import report from './report.json';
import site from './site.json';
import status from './status.json';
import upload from './upload.json';

export const catalogue: Catalogue = { ...site, report, status, upload, console };
