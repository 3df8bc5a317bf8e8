// The kit's tags are registered before Angular renders, so `[strings]` is set as a property
// of a defined element; CUSTOM_ELEMENTS_SCHEMA lets the template use tags Angular does not know.
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'session-elements/define';
import { AccountPage } from './account-page';

bootstrapApplication(AccountPage, { providers: [provideZonelessChangeDetection()] }).catch(
  (error: unknown) => console.error(error),
);
