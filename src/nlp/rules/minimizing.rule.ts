/** Minimizing: premature reassurance, shrinking or comparing the experience away. */
import type { Rule } from '../rule.ts';

const REASSURE_END = 'fine|ok|alright|all_right|great|better|good|well|okay|perfect';

/** Minimizing rules. */
export const MINIMIZING_RULES: Rule[] = [
  {
    id: 'minimizing.reassure',
    category: 'minimizing',
    alt: 'reassure',
    patterns: [
      '^ do_not|dont @ADV? worry|stress|panic|fret|be_sad|be_upset|feel_bad|be_down|cry|dwell|sweat_it|feel_guilty|be_so_hard|be_too_hard|beat_yourself_up|let_it_get_to_you|think_about_it|overthink_it|be_so_down|feel_that_way|be_like_that|take_it_so_hard|take_it_to_heart',
      'try not to @ADV? worry|stress|dwell|think_about_it|let_it_get|be_sad|be_upset|panic',
      'no need to @ADV? worry|stress|panic|be_upset|be_sad|cry|feel_bad|be_scared',
      'nothing to worry about',
      'stop|quit @ADV? worrying|stressing|crying|panicking|dwelling|being_sad|being_upset|feeling_sorry',
      '^ calm|chill down|out',
      '^ calm|relax|chill|smile',
      '^ cheer|chin up',
      '^ stay|be|keep @ADV? positive|strong|your_head_up|your_chin_up|smiling|happy',
      '^ think|be|keep @ADV? positive|happy_thoughts|on_the_bright_side',
      'hang in there',
      'look|focus on|at the bright|positive side',
      'good vibes only',
      'get over it|him|her|them',
      'snap out of it',
      `it|everything|things|all|this|life @ADV? will|is_going_to|is_gonna|are_going_to|would @ADV? @ADV? be|turn_out|look|feel|get|come|seem @ADV? ${REASSURE_END}|right|easier`,
      `it|everything|things|all|this|life @ADV? will|is_going_to|is_gonna|are_going_to @ADV? @ADV? work_out|work_itself_out|turn_out|sort_itself_out|fall_into_place|come_together|pass|blow_over|look_up|get_easier|be_over_soon`,
      `i am @ADV? sure it|everything|things|you @ADV? will|is|are|is_going_to @ADV? be? ${REASSURE_END}|nothing|work_out`,
      `you @ADV? will|are_going_to|are_gonna|would @ADV? @ADV? be|feel|get @ADV? ${REASSURE_END}|through_this|through_it|over_it|over_him|over_her|over_them|stronger|past_this`,
      `you will @ADV? be_over_him|be_over_her|be_over_it|laugh_about_this|look_back|bounce_back`,
      'you are @ADV? stronger than you think|you_know|this',
      'you are @ADV? fine $',
      'it is|was @ADV? nothing',
      'this too shall pass',
      'time heals',
      'you have @ADV? so_much|a_lot|everything|plenty to live for|going_for_you|to_be_grateful|to_be_thankful',
      'think of|about all? the|your good|positive|blessings|kids|family',
      'count your blessings',
      'everything happens for a reason',
      'it is all part of the plan|god_s_plan',
      'god|the_universe never gives|has',
    ],
  },
  {
    id: 'minimizing.at-least',
    category: 'minimizing',
    alt: 'at-least',
    patterns: [
      'at least you|your|it|they|he|she|there|that|nobody|no_one|the|this|now|thank|things|someone|u|he_is|she_is|noone|nothing',
    ],
  },
  {
    id: 'minimizing.compare',
    category: 'minimizing',
    alt: 'compare',
    patterns: [
      'everyone|everybody|we_all|all_of_us|lots_of_people|a_lot_of_people|most_people|people|anyone|loads_of_people @ADV? feels|feel|goes|go|gets|get|has|have|went|deals|deal|struggles|struggle ~2 that|this|like_that|that_way|through_it|through_this|through_that|it|sometimes|down|sad|anxious|lonely|stressed|breakup|break_up|heart_broken|bad_days|days_like_this|rough_patches|that_too',
      'it|this @ADV? happens to everyone|everybody|the_best_of_us|all_of_us|us_all|a_lot_of_people|lots_of_people',
      'it|things|that|this|life @ADV? could|can|might @ADV? be|have_been @ADV? @ADV? worse',
      'could have been worse',
      'other|some|lots_of|many|a_lot_of people|folks @ADV? have|had it @ADV? @ADV? worse|harder|rougher',
      'others have it @ADV? worse|harder',
      'it|this|that @ADV? is|was @ADV? @ADV? not @ADV? that|so|a|such_a|as @ADV? bad|big_deal|serious|big|the_end_of_the_world',
      'no|not_a|not_such_a big deal',
      'it|this|that @ADV? is|was @ADV? just|only a|one @ADV? phase|bad_day|bad_week|bad_night|breakup|job|rough_patch|blip|setback|test',
      'just a bad day|phase|blip',
      'plenty of|more fish',
      'first world problems',
      'could|can always be worse',
    ],
  },
];
