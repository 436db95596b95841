/** Fear: warnings, threats, consequences and control, including escalation the writer announces. */
import { isSubordinateYou } from '../guards.ts';
import type { Rule } from '../rule.ts';

const CONSEQ =
  'end_up|wind_up|lose|regret|get_fired|be_fired|get_kicked_out|be_kicked_out|die|be_back|get_worse|get_hurt|' +
  'get_locked_up|be_locked_up|get_sectioned|be_sectioned|get_committed|be_committed|be_hospitalized|' +
  'be_hospitalised|get_hospitalized|end_up_alone|be_alone|be_sorry|never_get|ruin|destroy|get_arrested|' +
  'be_arrested|go_back_to_hospital|land_in|crash|spiral|relapse|kill_yourself|get_evicted|be_evicted|' +
  'get_sick|fail|flunk|lose_everything|have_nothing|drive_everyone_away|push_everyone_away|break_down|' +
  'burn_out|mess_it_up|mess_up|screw_up|blow_it|be_dead|be_homeless|never_recover|never_get_better';

const AUTHORITIES =
  'someone|somebody|911|999|112|the_police|police|the_cops|cops|an_ambulance|ambulance|the_crisis|crisis|' +
  'your|emergency|emergency_services|security|the_authorities|a_doctor|the_hospital|the_hotline|' +
  'a_crisis|the_mental|mental_health|the_psych|psych|cps|child_services|social_services|your_therapist|your_mom|' +
  'the_warmline|a_hotline|the_suicide|a_suicide|for_help';

/** Fear rules. */
export const FEAR_RULES: Rule[] = [
  {
    id: 'fear.consequence',
    category: 'fear',
    check: (doc, start) => !isSubordinateYou(doc, start),
    patterns: [
      `you @ADV? will|are_going_to|are_gonna|could|might|would|gonna|are_gon_na @ADV? @ADV? ${CONSEQ}`,
      `or @ADV? else`,
      `or you will|are_going_to|could|might`,
      `do you @ADV? want to @ADV? ${CONSEQ}|be_back|go_back`,
      `you do_not want to @ADV? ${CONSEQ}|be_back|go_back`,
      'before it is too late',
      'it|this|things|that @ADV? is|are|will|would @ADV? going_to? only|just? get worse',
      'will only|just get worse',
      'only going to get worse',
      'you have no choice',
      'something|things @ADV? bad|terrible|awful is_going_to|will|could|might @ADV? happen',
      'you do_not have a choice',
      'you are @ADV? playing with fire',
      'you are heading|headed|asking for trouble|disaster|a_breakdown|a_crash|a_relapse',
      'this|that|it is @ADV? dangerous|not_safe|going_to_kill_you',
      'they|he|she|someone|people|the_police|the_doctors|cps will|are_going_to|could|might|would lock_you_up|take_your|section_you|put_you_away|send_you|fire_you|kick_you_out|leave_you|arrest_you|hospitalize_you|commit_you|take_you_away|take_the_kids',
    ],
  },
  {
    id: 'fear.escalation',
    category: 'fear',
    why: 'Announcing that you will bring in others takes the decision away from them; asking what they want keeps you connected.',
    patterns: [
      `i @ADV? will|am_going_to|am_gonna|would|might|may|have|must @ADV? have_to|need_to|got_to? call|report|tell|contact|inform|alert|get|notify|ring|phone ${AUTHORITIES}`,
      `i @ADV? should|have_to|must|need_to|got_to @ADV? call|report|tell|contact|inform|alert|notify|ring|phone ${AUTHORITIES}`,
      `i am @ADV? calling|reporting|contacting|telling ${AUTHORITIES}`,
      `should i @ADV? call|get|contact|ring|phone ${AUTHORITIES}`,
      'i @ADV? will|am_going_to|am_gonna|have_to|must|need_to @ADV? have_to? report it|this|you',
      'i am @ADV? obligated|required|mandated to',
      'i have_a_duty|have_to_report',
      'i @ADV? can_not|will_not|am_not_going_to @ADV? keep|stay|be|talk|help ~4 if|unless you',
      'i will @ADV? leave|stop_talking|block_you|not_talk|walk_away|be_done ~3 if|unless',
      'unless you @ADV? stop|get|take|go|start|promise',
      'do_not|dont make me @ADV? call|tell|report|come|do|get',
    ],
  },
];
