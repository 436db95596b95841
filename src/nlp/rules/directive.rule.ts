/** Directive: telling or advising the other person (modal + you, advice as a question, imperatives). */
import { wordBefore } from '../guards.ts';
import type { Rule } from '../rule.ts';
import { chainedImperative, howAbout, imperative, modalYou, notOffer } from './directive.guards.ts';

/** Directive rules. */
export const DIRECTIVE_RULES: Rule[] = [
  {
    id: 'directive.modal',
    category: 'directive',
    action: 'after',
    check: modalYou,
    patterns: [
      'you @ADV? @ADV? should|ought_to|must|got_to|have_got_to|had_better|would_better|better|need_to|have_to|gotta',
      'you @ADV? @ADV? should_not|must_not|ought_not_to|should_never|must_never',
      'you @ADV? @ADV? could|might|may @ADV? try|want_to|wanna|consider|look_into|think_about|reach_out',
      'you could always',
      'you @ADV? need|needs help|therapy|a_break|rest|sleep|professional|some|a_therapist|a_doctor|meds|medication|counseling|counselling|space|more',
      'you would_be|are better_off',
      'you are_going_to|are_gonna|will @ADV? have_to|need_to',
      'you will|would|are_going_to @ADV? want_to',
      'you can_not @ADV? keep|go_on|continue|let|carry_on|live_like',
    ],
  },
  {
    id: 'directive.question',
    category: 'directive',
    action: 'after',
    alt: 'question',
    why: 'A question that carries a solution is still advice; asking what has helped leaves the answer with them.',
    patterns: [
      'have|did you ever? tried|try|attempted',
      'have|did you ever? considered|consider|thought_about|thought_of|looked_into !how|what|why|whether|if|it|that|this|where|who|when|ending|killing|suicide|hurting|dying',
      'promise me',
      'have|did you ever? talked|spoken|gone|reached_out|been|turned @ADV? to|with a|an|your|the|anyone|someone|any|some|somebody',
      'have|did you ever? seen|asked|contacted|called|told a|an|your|the|someone|anyone|any doctor|therapist|gp|counselor|counsellor|psychiatrist|professional|someone|anyone|nurse|crisis',
      'ever tried|considered',
      'why do_not you|we',
      'why not @ADV? @IMPV',
      'what if you @ADV? @PASTV',
      'how|what about',
      'would|might|could|will it @ADV? help|be_better|be_good|be_worth|be_easier if you',
      'would_not it be better|easier|good',
      'do_not you think you should|need|could|ought',
      'should_not you',
      'can_not you @ADV?',
      'could|can you maybe|just|perhaps|possibly @IMPV !me|us',
      'would|will|could|can you @ADV? consider|think_about|look_into|be_open_to|be_willing_to',
      'is it @ADV? possible|an_option|worth to|for_you_to|trying|asking|talking',
      'i @ADV? wonder|am_wondering|was_wondering if|whether it @ADV? might|would|could|may help|be_worth|be_good|be_helpful',
    ],
    check: (doc, start, end) => {
      const first = doc.words[start];
      if (first === 'how' || first === 'what') {
        return doc.words[start + 1] === 'about' ? howAbout(doc, start, end) : notOffer(doc, start);
      }
      return true;
    },
  },
  {
    id: 'directive.advice',
    category: 'directive',
    action: 'after',
    patterns: [
      'my advice|suggestion|recommendation',
      'i @ADV? would|will|can|do? @ADV? suggest|recommend|advise|urge|encourage',
      'i would @ADV? just @IMPV',
      'one|another|an|the_other|my_only option|idea|suggestion|approach|thought is|would_be|could_be|might_be to',
      'it is @ADV? time|high_time to|for_you_to',
      'if i were|was you',
      'the best|only thing you_can_do|to_do|for_you',
      'what you @ADV? need|should|have_to|gotta|must|got_to|could|can|might|may|want_to @ADV? do? is',
      'make sure you|to|that_you',
      'it would|might|could|may|will|is @ADV? be? @ADV? @ADV? good|best|better|helpful|wise|smart|important|a_good_idea|worth_it|worth_trying|essential|crucial for_you? to|if_you|that_you',
      'it @ADV? might|may|could|would|will|can @ADV? help|be_worth to|if_you|trying|talking|getting|having',
      'it @ADV? helps|help to',
      'worth a try|a_shot|trying',
      'might_be|could_be|may_be worth',
      'the trick|key|answer|solution|secret is to|just',
      'the @ADV? first|best|only|main|one|last thing you @ADV? need|should|have|gotta|must|can|could|want @ADV? to? do',
      'something|one_thing|a_thing you @ADV? might|could|may|should|can @ADV? consider|try|do|look_into|want_to',
      'you @ADV? may|might|could|would|will find it|that @ADV? helpful|useful|helps|good',
      '^ reaching|talking|writing|getting|taking|going|trying|seeing|asking|calling|journaling|joining|finding|spending|keeping|setting|telling|letting ~6 could|might|would|may|will|can @ADV? help|be_good|be_helpful|be_worth|do_you_good',
      'let_us|we_need_to|we_should|we_have_to|we_are_going_to|we_will @ADV? work_on|focus_on|try_to|get_you|figure_out_how_to|start @ADV? stopping|quitting|getting|cutting|reducing|fixing|avoiding|stop|quit|cut|get_rid|reduce|fix|avoid|you|your',
      'try not to !worry|stress|dwell|panic|be_sad|be_upset|let_it|think_about_it|overthink',
      'i am here to help|fix|save you',
      'let me help|fix you',
      'i know what is_best|you_need|is_good|is_right',
      'all you @ADV? need|have|gotta to? do|is',
    ],
    check: (doc, start) => wordBefore(doc, start) !== 'if',
  },
  {
    id: 'directive.imperative',
    category: 'directive',
    action: 'from',
    check: imperative,
    patterns: ['^ @IMPV'],
  },
  {
    id: 'directive.chained',
    category: 'directive',
    action: 'after',
    check: chainedImperative,
    patterns: ['and|then just? @IMPV'],
  },
  {
    id: 'directive.dont',
    category: 'directive',
    action: 'after',
    alt: 'avoid',
    patterns: [
      '^ do_not|never|dont @ADV? !make_me|worry|stress|panic|cry|be_sad|be_upset|feel_bad|feel_guilty|beat|be_so|be_too|dwell|apologize|apologise|hesitate|be_sorry|be_afraid_to|forget_that|think_about_it|feel_like_you|let_it_get|sweat|fret|mention|thank|be_shy|feel_pressured|have_to|need_to|overthink_it|take_it_so|take_it_personally @IMPV',
      '^ do_not|dont|never @ADV? hurt|harm|kill|cut|do_anything|do_something|give_up_on',
      '^ would|might|could|will|would_not a|an|some|the|talking|getting|going|writing|taking ~3 help|do_you_good|be_good',
      '^ stop|quit @ADV? being|letting|comparing|apologizing|apologising|overthinking|reading|texting|talking|drinking|blaming|thinking|checking|looking|going|trying|giving|putting|wasting|saying|doing|acting|making|holding|hiding|isolating|ignoring|avoiding|answering|replying|responding|smoking|using|picking|waiting|pretending|obsessing|scrolling|skipping|pushing|letting',
    ],
  },
];
