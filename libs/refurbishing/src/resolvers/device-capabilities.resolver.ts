import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DeviceCapabilities } from '../dto/device-capabilities.type';
import { DeviceChecklist } from '../dto/device-checklist.type';
import { Device } from '../entities/device.entity';

/** What grading recorded, read from the device row itself (no query). */
@Resolver(() => Device)
export class DeviceCapabilitiesResolver {
  @ResolveField(() => DeviceChecklist, { nullable: true, description: 'the functional checklist of the last grading; null before any' })
  checklist(@Parent() device: Device): DeviceChecklist | null {
    const c = device.checklist;
    if (!c) return null;
    const pick = <T>(key: string, type: string): T | null => (typeof c[key] === type ? (c[key] as T) : null);
    return {
      screen: pick('screen', 'boolean'),
      keyboard: pick('keyboard', 'boolean'),
      batteryHealthPercent: pick('batteryHealthPercent', 'number'),
      webcam: pick('webcam', 'boolean'),
      microphone: pick('microphone', 'boolean'),
      wifi: pick('wifi', 'boolean'),
      ports: pick('ports', 'string'),
    };
  }

  @ResolveField(() => DeviceCapabilities, { description: 'what it can do for the person who gets it, as matching reads it' })
  capabilities(@Parent() device: Device): DeviceCapabilities {
    return { webcam: device.webcamWorks, microphone: device.microphoneWorks, batteryHealthPercent: device.batteryHealthPercent, os: device.specs?.os ?? null };
  }
}
