/** The coach on/off switch, remembered in localStorage on this device (on unless turned off). */
import { deviceSetting } from '../../api/device-setting.ts';

const coach = deviceSetting('mutual.coach', true);

export const setCoachEnabled = coach.set;
export const isCoachEnabled = coach.get;
/** Whether the coach is on (default on) and a setter. */
export const useCoachEnabled = coach.use;
