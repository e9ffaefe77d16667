import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiSecured } from '../common/http/api-errors.decorator.js';
import { Agent } from './agent.entity.js';
import {
  AllowedBeforePasswordChange,
  CurrentAccessTokenId,
  CurrentAgent,
  Public,
} from './auth.decorators.js';
import { AgentsService } from './agents.service.js';
import { AuthService } from './auth.service.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { SetAvailabilityDto } from './dto/agent.dto.js';
import { AgentView, toAgentView } from './dto/agent.view.js';
import { ChangePasswordDto, LoginDto, LoginView } from './dto/login.dto.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly agents: AgentsService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; returns a bearer token' })
  @ApiErrors(400, 401, 429)
  async login(@Body() dto: LoginDto): Promise<LoginView> {
    const { token, record, agent } = await this.auth.login(dto.email, dto.password);
    return {
      token,
      expiresAt: record.expiresAt!.toISOString(),
      mustChangePassword: agent.passwordMustChange,
      agent: toAgentView(agent),
    };
  }

  @Post('logout')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Revoke the token this request was made with' })
  @ApiSecured()
  async logout(@CurrentAgent() agent: Agent, @CurrentAccessTokenId() tokenId: string): Promise<void> {
    await this.auth.logout(agent, tokenId);
  }

  @Post('password')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Replace your password; your other tokens stop working' })
  @ApiSecured(422)
  async changePassword(
    @CurrentAgent() agent: Agent,
    @CurrentAccessTokenId() tokenId: string,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(agent, dto.currentPassword, dto.newPassword, tokenId);
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'The signed-in agent' })
  @ApiSecured()
  me(@CurrentAgent() agent: Agent): AgentView {
    return toAgentView(agent);
  }

  @Put('me/availability')
  @ApiOperation({ summary: 'Mark yourself available or away; away agents get no automatic assignments' })
  @ApiSecured()
  async setAvailability(@CurrentAgent() agent: Agent, @Body() dto: SetAvailabilityDto): Promise<AgentView> {
    return toAgentView(await this.agents.setAvailability(agent, dto.availability));
  }
}
