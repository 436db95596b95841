/** Word classes shared by the rules (`@NAME` in patterns). Each value is `|`-separated; `_` joins words. */

const ADV =
  'really|just|probably|definitely|honestly|seriously|totally|absolutely|maybe|still|also|actually|literally|' +
  'kind_of|sort_of|at_least|then|now|always|so|truly|genuinely|certainly|clearly|obviously|simply|perhaps|' +
  'def|prob|lowkey|legit|all|both|ever|even|only|sometimes|tbh|very|super|pretty|quite|way|such|too|fully|' +
  'total|complete|real|huge|massive|bit|little|a_bit|a_little|kind_of_a|bloody|fucking|freaking|damn|being';

const IMPV =
  'call|try|go|take|get|stop|talk|tell|make|drink|eat|sleep|breathe|write|journal|exercise|meditate|leave|text|' +
  'reach_out|focus|think|remember|keep|put|give|start|avoid|ask|see|find|be|move|block|delete|walk|sit|distract|' +
  'listen|read|download|join|book|schedule|use|turn|cut|quit|forgive|ignore|consider|look_into|check_out|push|' +
  'accept|let_go|spend|hang_out|rest|pray|dump|break_up|confront|report|apologize|change|learn|practice|stay|' +
  'trust|pick|contact|seek|sign_up|lie_down|step_back|remove|unfollow|stand_up|speak|set|say|do|have|stick|wait|' +
  'grab|drop|mute|lock|throw|shut|limit|plan|prioritize|treat|allow|tell|count|name|list|show|own|hold|play|' +
  'switch|open|clean|shower|bathe|stretch|hydrate|wake|lay|run|cry|vent|smile|laugh|work|fight|buy|pay|send|' +
  'message|email|dm|go_see|visit|phone|reply|respond|answer|leave|cancel|skip|take_up|look_after|open_up|' +
  'wash|pull|reconsider|rethink|reframe|ground|calm|relax|chill|cheer|snap|quit|give_up|man_up|toughen_up|' +
  'grow_up|get_over|get_out|get_up|get_off|go_back|go_out|let|be_kind|be_gentle|be_patient|be_careful';

export const LEXICON: Record<string, string> = {
  ADV,
  IMPV,
  YOU: 'you|yourself',
  PASTV:
    'tried|went|did|called|talked|asked|took|stopped|started|wrote|told|made|got|gave|left|spoke|sent|quit|' +
    'slept|ate|drank|saw|set|cut|turned|reached|looked|focused|let|put|used|changed|joined|deleted|blocked|' +
    'moved|texted|walked|ran|read|found|kept|spent|stayed|waited|skipped|muted|unfollowed|ignored|reached_out|' +
    'went_to|took_a|just|were_to|gave_it|had|brought|wrote_down|opened_up|tried_to|got_some|did_something',
  PEOPLE:
    'sister|brother|mom|mother|dad|father|parents|parent|friend|friends|partner|wife|husband|boyfriend|girlfriend|' +
    'ex|boss|manager|teacher|therapist|doctor|gp|psychiatrist|counselor|counsellor|nurse|family|kids|son|daughter|' +
    'roommate|landlord|coworker|colleague|cousin|aunt|uncle|grandma|grandpa|mentor|sponsor|pastor|priest|neighbor|' +
    'bestie|bf|gf|team|group|worker|social_worker|case_worker|supervisor|ex_husband|ex_wife',
  MEDS:
    'meds|medication|medications|medicine|pills|pill|antidepressants|antidepressant|antipsychotics|lithium|dose|doses|' +
    'prescription|tablets|injection|depot|ssri|ssris',
  MEDGAP:
    'still|been|even|actually|really|taking|on|off|stop|stopped|take|took|skip|skipped|skipping|missing|missed|miss|' +
    'quit|your|any|the|all|of|regularly|properly|stopping|keeping|up|with|last|again|remembering|remember|to|forgot|forget',
  JUDGE:
    'overreacting|dramatic|manipulative|attention_seeking|attention-seeking|attention|selfish|ridiculous|paranoid|' +
    'irrational|crazy|lazy|sensitive|hysterical|unreasonable|childish|immature|negative|toxic|delusional|' +
    'overthinking|catastrophizing|catastrophising|exaggerating|pathetic|stupid|dumb|weak|needy|clingy|' +
    'in_denial|a_drama_queen|drama_queen|an_addict|an_alcoholic|a_narcissist|narcissistic|psycho|mental|insane|nuts|' +
    'unstable|sick_in_the_head|the_problem|a_mess|lying|making_it_up|making_a_big_deal|blowing_this_out|' +
    'blowing_it_out|blowing_things_out|looking_for_attention|playing_the_victim|not_trying|silly|being_silly|a_baby|' +
    'ungrateful|overdramatic|over_dramatic|emotional|too_emotional|oversensitive|over_sensitive|hypocritical|' +
    'making_excuses|playing_games|being_ridiculous|making_things_up|imagining_things|imagining_it|a_hypochondriac|' +
    'attention_seeker|an_attention_seeker|too_much|obsessed|obsessive|controlling|jealous|petty|bitter|spoiled|entitled|a_hypocrite|a_burden|broken|difficult|impossible|hopeless|a_lost_cause|bipolar|borderline',
  JUDGE3:
    'manipulative|toxic|a_narcissist|narcissist|narcissistic|attention_seeking|attention-seeking|crazy|psycho|' +
    'a_psycho|insane|mental|unstable|a_drama_queen|dramatic|delusional|doing_it_for_attention|a_manipulator|' +
    'manipulating_you|gaslighting_you|an_attention_seeker|attention_seeker|sociopath|a_sociopath|psychopath|' +
    'a_psychopath|a_nutcase|nuts|lying|a_liar|a_user|using_you|jerk|a_jerk|asshole|an_asshole|idiot|an_idiot|loser|a_loser|creep|a_creep|a_prick|a_dick|a_snake|evil|bpd|bipolar|borderline|overreacting|overly_dramatic',
  ILL:
    'depression|anxiety|illness|disorder|bipolar|ptsd|trauma|mental_illness|disease|brain|meds|medication|addiction|' +
    'psychosis|paranoia|schizophrenia|bpd|ocd|adhd|drugs|alcohol|drink|drinking|booze|hormones|pms|mania|sickness|' +
    'condition|diagnosis|autism|eating_disorder|insomnia|grief|panic|ed|illness_talking|disease_talking|mood|moods|' +
    'episode|voices|demons|weed|pills|hangover|exhaustion|trauma_response',
  DIAG:
    'depressed|manic|bipolar|borderline|psychotic|having_a_breakdown|an_addict|an_alcoholic|paranoid|ocd|adhd|' +
    'a_narcissist|delusional|having_a_manic_episode|having_a_panic_attack|having_an_episode|dissociating|' +
    'hypomanic|suicidal|anorexic|bulimic|traumatized|codependent|co-dependent',
  DIAGNOUN:
    'bpd|bipolar|ocd|adhd|depression|psychosis|mania|a_manic_episode|a_panic_attack|an_anxiety_attack|' +
    'a_breakdown|a_mental_breakdown|a_psychotic_episode|an_episode|hypomania|ptsd|an_eating_disorder|' +
    'codependency|an_addiction|a_personality_disorder|borderline|a_depressive_episode|clinical_depression',
  FEELADJ:
    'hard|painful|lonely|exhausting|scary|frustrating|overwhelming|awful|rough|heavy|difficult|tough|upsetting|' +
    'confusing|terrifying|intense|horrible|terrible|brutal|draining|isolating|heartbreaking|devastating|' +
    'a_lot|so_much|hurtful|disappointing|infuriating|maddening|sad|stressful|humiliating|frightening|worrying|' +
    'discouraging|crushing|relentless|unbearable|harsh|shitty|crappy|rubbish|sucky|lonesome|hard_to_carry|' +
    'a_lot_to_carry|a_lot_to_hold|much_to_carry|scary_as_hell|awful_to_hear|so_hard|tiring|unsettling|raw|' +
    'traumatic|horrific|a_nightmare|hell|a_hard_one|a_tough_one|complicated|messy|bittersweet|lonely_as_hell',
  FEELING:
    'tired|exhausted|hurt|angry|frustrated|scared|overwhelmed|sad|lonely|done|fed_up|worn_out|upset|anxious|' +
    'stressed|down|low|defeated|hopeless|stuck|lost|confused|disappointed|relieved|proud|excited|happy|drained|' +
    'broken|numb|afraid|alone|invisible|forgotten|ashamed|guilty|betrayed|let_down|humiliated|trapped|unheard|' +
    'unseen|torn|heartbroken|crushed|furious|pissed|annoyed|worried|nervous|shaken|rattled|burnt_out|burned_out|' +
    'depleted|discouraged|powerless|helpless|rejected|abandoned|dismissed|judged|small|empty|restless|on_edge|' +
    'completely_alone|really_alone|so_alone|unloved|unwanted|misunderstood|embarrassed|uncomfortable|at_a_loss',
  SAY:
    'said|says|say|told|tells|telling|saying|suggested|suggests|recommended|recommends|advised|advises|asked|' +
    'asks|asking|wrote|writes|texted|goes|went|thinks|reckons|believes|insists|insisted|yelled|shouted|' +
    'screamed|kept_saying|keeps_saying|always_says|would_say|used_to_say|posted|replied|responded|warned|warns',
};
