import { Injectable } from '@nestjs/common';

/** The one source of "now" for services; tests replace it with a fixed clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
