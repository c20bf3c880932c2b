// Stand-ins for @nestjs/common's decorators, typed as Nest types them, so that the services compile
// here without Nest installed.
export function Injectable(): ClassDecorator {
  return () => {};
}

export function Inject(_token: string | symbol): ParameterDecorator {
  return () => {};
}

export interface OnModuleInit {
  onModuleInit(): Promise<void>;
}
