// English lexicons (the reference set; the other languages follow its components).
import type { Lexicon } from '../lexicons.ts';

export const en: Lexicon = {
  /** The page is about mentoring. */
  core: [
    'mentor', 'mentors', 'mentoring', 'mentee', 'mentees', 'mentorship', 'mentorships', 'protégé', 'protege', 'mentored',
    'mentoring relationship', 'mentoring program', 'mentorship program', 'mentoring programme', 'peer mentoring', 'reverse mentoring',
    'group mentoring', 'mentor match', 'mentoring session', 'mentoring sessions', 'mentor mentee', 'menteeship',
  ],
  /** Practical advice for a new mentor. */
  mentorGuidance: [
    'first meeting', 'first session', 'first conversation', 'get to know', 'getting to know', 'introduce yourself', 'listen', 'listening', 'active listening',
    'ask questions', 'open questions', 'open ended questions', 'set goals', 'setting goals', 'goal setting', 'goals', 'expectations', 'set expectations',
    'setting expectations', 'feedback', 'constructive feedback', 'give feedback', 'giving feedback', 'keep your promises', 'keep promises', 'follow through',
    'be honest', 'honest', 'boundaries', 'set boundaries', 'meet regularly', 'regular meetings', 'check in', 'check ins', 'weekly', 'every week', 'once a week',
    'cadence', 'schedule', 'availability', 'be available', 'respond', 'responsive', 'confidentiality', 'confidential', 'trust', 'rapport', 'empathy', 'patient',
    'patience', 'encourage', 'encouragement', 'support your mentee', 'your mentee', 'the mentee', 'as a mentor', 'good mentor', 'great mentor', 'be a mentor',
    'become a mentor', 'new mentor', 'new mentors', 'role model', 'share your experience', 'share experiences', 'advice', 'guidance', 'career', 'growth',
    'learn', 'learning', 'progress', 'celebrate', 'celebrate success', 'mistakes', 'questions', 'communication', 'communicate', 'time commitment', 'commitment',
    'warning signs', 'struggling', 'motivation', 'motivate', 'challenge', 'stretch', 'reflect', 'reflection', 'one on one', '1 1', 'pair programming',
    'code review', 'psychological safety', 'safe space', 'respect', 'judgement', 'judgment', 'autonomy', 'independence', 'end the relationship', 'closure',
  ],
  /** Advice for starting or running a mentoring program. */
  programGuidance: [
    'program', 'programme', 'purpose', 'objectives', 'recruit', 'recruiting', 'recruitment', 'recruit mentors', 'match', 'matching', 'matched', 'pairing',
    'pair mentors', 'coordinator', 'program coordinator', 'program manager', 'organizer', 'organiser', 'administrator', 'org admin', 'train mentors',
    'mentor training', 'training', 'orientation', 'onboard mentors', 'support mentors', 'evaluate', 'evaluation', 'evaluations', 'assess', 'survey', 'surveys',
    'metrics', 'measure', 'outcomes', 'impact', 'retention', 'cohort', 'cohorts', 'program design', 'application', 'applications', 'select', 'selection',
    'selecting', 'criteria', 'timeline', 'launch', 'pilot', 'budget', 'sponsor', 'stakeholders', 'participants', 'capacity', 'check in with mentors',
    'mentor pool', 'application process', 'kickoff', 'kick off', 'graduation', 'alumni', 'volunteer mentors', 'sustain', 'scale', 'guidelines', 'policy',
    'code of conduct', 'conflict', 'escalate', 'escalation', 'rematch', 'manage mentors', 'managing mentors', 'mentoring lead', 'program lead',
  ],
  /** Steps, checklists, templates, downloadable toolkits, worked examples. */
  actionability: [
    'step', 'steps', 'step by step', 'checklist', 'check list', 'template', 'templates', 'toolkit', 'tool kit', 'download', 'downloadable', 'worksheet',
    'workbook', 'agenda', 'example', 'examples', 'for example', 'for instance', 'e g', 'tip', 'tips', 'how to', 'dos and don ts', 'try',
    'make sure', 'remember', 'avoid', 'recommend', 'suggest', 'guide', 'plan', 'questions to ask', 'sample',
    'exercise', 'activity', 'activities', 'framework', 'form', 'resources',
  ],
  /** Coaching vocabulary (coaching-only pages are a near miss). */
  coaching: [
    'coach', 'coaches', 'coaching', 'coachee', 'coachees', 'agile coach', 'agile coaching', 'executive coaching', 'life coach', 'coaching session',
    'coaching stance', 'coaching conversation', 'grow model', 'icf', 'scrum', 'scrum master', 'retrospective', 'facilitation', 'facilitator', 'facilitate',
  ],
  /** Tutoring, homework, workshops, courses (a near miss). */
  tutoring: [
    'tutor', 'tutors', 'tutoring', 'homework', 'workshop', 'workshops', 'attendee', 'attendees', 'syllabus', 'grading', 'assignment', 'assignments',
    'exam', 'exams', 'quiz', 'lecture', 'lectures', 'instructor', 'classroom', 'plagiarism', 'attendance', 'office hours', 'installation party',
    'install party', 'tutorial', 'lesson', 'lessons', 'teaching assistant', 'math', 'reading', 'test prep', 'sat prep',
  ],
  /** Employee / volunteer onboarding (a near miss). */
  onboarding: [
    'onboarding', 'onboard', 'new hire', 'new hires', 'new employee', 'new employees', 'first day', 'first week', 'first 30 days', 'first 90 days',
    'orientation', 'hr', 'human resources', 'payroll', 'laptop', 'accounts', 'access', 'buddy', 'team member', 'team members', 'manager', 'managers',
    'performance review', 'probation', 'volunteer onboarding', 'employee', 'employees', 'leadership', 'leader', 'leaders',
  ],
  /** Software / EDA / tech-tutorial vocabulary ("Mentor" as a product, Mentor Graphics tooling). */
  tech: [
    'install', 'installation', 'npm', 'pip', 'docker', 'kubernetes cluster', 'api', 'bot', 'telegram', 'database', 'postgresql', 'redis', 'server', 'deploy',
    'deployment', 'config', 'configuration', 'env', 'environment variables', 'repository', 'git', 'command', 'commands', 'cli', 'sudo', 'shell', 'script',
    'rtl', 'gdsii', 'netlist', 'synthesis', 'simulation', 'fpga', 'asic', 'vlsi', 'eda', 'modelsim', 'questasim', 'questa', 'calibre', 'tessent', 'pads',
    'xpedition', 'hyperlynx', 'siemens eda', 'vsim', 'verilog', 'vhdl', 'license server', 'frontend', 'backend', 'microservices', 'dashboard', 'changelog',
    'release', 'version', 'dependencies', 'build', 'port', 'ports', 'container', 'dns', 'localhost', 'yaml', 'json', 'graphql', 'fixtures',
  ],
  /** Hardware and robotics kits ("Mentor" kits and boards). */
  hardware: [
    'kit', 'robot', 'robotics', 'robotics kit', 'sensor', 'sensors', 'motor', 'motors', 'servo', 'circuit', 'circuit board', 'board', 'solder', 'soldering',
    'arduino', 'raspberry pi', 'microcontroller', 'battery', 'batteries', 'assembly', 'assemble', 'screws', 'chassis', 'wheels', 'led', 'leds', 'usb', 'firmware',
  ],
  /** Job advertisements (paid tutoring or coaching posts, vacancies). */
  jobs: [
    'we are hiring', 'we re hiring', 'job description', 'job posting', 'job opening', 'vacancy', 'vacancies', 'apply for this job', 'salary', 'per hour', 'hourly rate',
    'hourly pay', 'paid position', 'part time position', 'full time position', 'cover letter', 'send your cv', 'send your resume', 'benefits package', 'equal opportunity employer',
  ],
  /** Leadership and management advice (1:1s, direct reports): a near miss without mentoring. */
  leadership: [
    'leadership', 'leader', 'leaders', 'manager', 'managers', 'management', 'direct report', 'direct reports', 'one on one', 'one on ones', '1 1s', 'team lead',
    'performance review', 'delegate', 'delegation', 'executive', 'executives', 'boss', 'your team', 'employees', 'supervisor',
  ],
  /** Written to the mentor (mentor side) ... */
  mentorSide: [
    'your mentee', 'your mentees', 'as a mentor', 'good mentor', 'great mentor', 'effective mentor', 'mentors should', 'mentor should', 'the mentee',
    'new mentor', 'new mentors', 'being a mentor', 'become a mentor', 'becoming a mentor', 'mentors can', 'help your mentee', 'mentor guide', 'mentor responsibilities',
  ],
  /** ... or to the mentee (mentee-side guides are "mentions", grade 1). */
  menteeSide: [
    'your mentor', 'your mentors', 'as a mentee', 'good mentee', 'mentee guide', 'find a mentor', 'finding a mentor', 'apply', 'applicant', 'applicants',
    'your application', 'your project', 'your proposal', 'intern', 'interns', 'internship',
  ],
  /** Announcements, calls, spotlights, timelines (about mentoring, not a guide). */
  mention: [
    'announce', 'announcing', 'announcement', 'we are excited', 'we re excited', 'excited to', 'applications open', 'deadline', 'deadlines', 'apply now',
    'call for', 'congratulations', 'welcome', 'spotlight', 'interview', 'meet our', 'timeline', 'dates', 'term', 'round', 'schedule', 'register', 'registration',
    'join us', 'thank', 'thanks', 'video', 'recording', 'event', 'webinar',
  ],
};
