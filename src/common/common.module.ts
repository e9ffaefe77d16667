import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from './clock.js';
import { JobLease } from './leases/job-lease.entity.js';
import { JobLeasesService } from './leases/job-leases.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobLease])],
  providers: [Clock, JobLeasesService],
  exports: [Clock, JobLeasesService],
})
export class CommonModule {}
