/** Moving toward: framing around what someone wants to create or move toward. */
import type { Rule } from '../rule.ts';

/** Moving-toward rules. */
export const MOVING_TOWARD_RULES: Rule[] = [
  {
    id: 'moving_toward.create',
    category: 'moving_toward',
    patterns: [
      'what|how @ADV? do|would|are|did you|we @ADV? want|like|hope|hoping|wish|wishing|imagine|picture|love|rather|prefer|dream|looking_forward|long|want_to_feel|need_to_feel|want_more|want_less',
      'what @ADV? it|things|that|life|tomorrow|this|your_life|your_days would|could|might ~2 look|feel|be like',
      'what would|could|might your|a|an|the|things|it|that|tonight|tomorrow|today|this|life|evenings|mornings|you ~4 look|feel|be like',
      'what would|could|might @ADV? help|feel|make|bring|give|support ~4 better|easier|good|right|okay|ok|possible|different|lighter|like_you|more|a_bit|a_little|now|today|tonight|this|you|things|it',
      'what would|could|might @ADV? help|feel_good|feel_right|feel_better|feel_possible',
      'what are you @ADV? hoping|wanting|looking_forward|working_toward|working_towards|moving_toward|moving_towards|reaching|aiming|dreaming',
      'where do|would|could you @ADV? want|like|hope to go|be|head',
      'what @ADV? matters|is_important|is_most_important|feels_important|means_the_most|counts @ADV? ~2 to|for you|most',
      'what is @ADV? important @ADV? to|for you',
      'what is|would_be|could_be one @ADV? small? thing',
      'what is|would_be something|one_thing|a_thing you would|you_d|you_would @ADV? like|love|want|enjoy',
      'what would it take',
      'what gives you @ADV? hope|energy|meaning|joy|strength|comfort',
      'what kind|sort of life|day|week|relationship|friendship|future|evening|morning|night|year|home|support',
      'what is next for|with you',
      'moving|move toward|towards',
      'i would love|like for us to',
      'what would you like',
      'what do you want ~3 next|from_here|instead|more|less|to_create|to_build|to_try|to_change|to_happen|for_yourself|out_of',
      'if things|it|life were|was @ADV? better|different|easier',
      'imagine|picture if|what|a|that|how',
      'where would you like',
      'what is|are your hope|hopes|dream|dreams|goal|goals|wish|wishes',
      'if you could @ADV? change|have|do|wave|make|pick|choose|wish',
    ],
  },
];
