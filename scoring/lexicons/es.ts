// Spanish lexicons (natural's Spanish stemmer). Inclusive forms ("mentores/as", "los/as") tokenise to
// a word and a gender ending; "mentorado/a" is the mentee.
import type { Lexicon } from '../lexicons.ts';
import { en } from './en.ts';

export const es: Lexicon = {
  core: [
    'mentor', 'mentora', 'mentores', 'mentoras', 'mentoría', 'mentorías', 'mentorado', 'mentorada', 'mentorados', 'mentoradas', 'mentee', 'mentees', 'aprendiz',
    'programa de mentoría', 'programas de mentoría', 'relación de mentoría', 'sesión de mentoría', 'sesiones de mentoría', 'mentoría entre pares', 'mentoring',
    'mentorazgo', 'tutor mentor', 'pareja de mentoría', 'duplas de mentoría',
  ],
  mentorGuidance: [
    'primera reunión', 'primer encuentro', 'primera sesión', 'primera conversación', 'conocerse', 'conocer', 'escuchar', 'escucha', 'escucha activa', 'hacer preguntas',
    'preguntas abiertas', 'establecer objetivos', 'objetivos', 'metas', 'expectativas', 'aclarar expectativas', 'retroalimentación', 'feedback', 'dar retroalimentación',
    'constructiva', 'cumplir lo que prometes', 'cumplir compromisos', 'honesto', 'honestidad', 'límites', 'poner límites', 'reunirse regularmente',
    'reuniones periódicas', 'reuniones regulares', 'cada semana', 'semanal', 'cada dos semanas', 'disponible', 'disponibilidad', 'confidencialidad', 'confidencial',
    'confianza', 'seguridad', 'empatía', 'paciencia', 'paciente', 'animar', 'motivar', 'apoyo', 'apoyar', 'tu mentorado', 'tu mentorada', 'como mentor',
    'como mentora', 'buen mentor', 'buena mentora', 'ser mentor', 'ser mentora', 'nuevo mentor', 'nuevos mentores', 'modelo a seguir', 'referente',
    'compartir experiencias', 'experiencia', 'experiencias', 'consejos', 'orientación', 'carrera', 'desarrollo', 'aprendizaje', 'aprender', 'progreso', 'avances',
    'celebrar', 'errores', 'preguntas', 'comunicación', 'tiempo', 'compromiso', 'motivación', 'reto', 'retos', 'desafío', 'reflexión', 'reflexionar', 'respeto',
    'cierre', 'cerrar la relación', 'conversación', 'red de contactos',
  ],
  programGuidance: [
    'programa', 'programas', 'propósito', 'finalidad', 'reclutar', 'reclutamiento', 'captar', 'captación', 'captar mentores', 'emparejar', 'emparejamiento',
    'asignación', 'parejas', 'duplas', 'coordinador', 'coordinadora', 'coordinación', 'responsable del programa', 'gestor', 'formación', 'formación de mentores',
    'capacitación', 'orientación inicial', 'seguimiento', 'hacer seguimiento', 'evaluar', 'evaluación', 'evaluaciones', 'encuesta', 'encuestas', 'medir',
    'resultados', 'impacto', 'cohorte', 'edición', 'lanzamiento', 'sesión de inicio', 'solicitud', 'solicitudes', 'selección', 'criterios', 'calendario',
    'cronograma', 'piloto', 'presupuesto', 'participantes', 'pautas', 'guía', 'normas', 'acuerdo', 'acuerdo de mentoría', 'conflicto', 'conflictos', 'voluntarios',
    'mentores voluntarios', 'organización', 'escalar', 'capacidad',
  ],
  actionability: [
    'paso', 'pasos', 'paso a paso', 'lista de verificación', 'checklist', 'plantilla', 'plantillas', 'kit de herramientas', 'herramientas', 'descargar', 'descarga',
    'ficha', 'agenda', 'ejemplo', 'ejemplos', 'por ejemplo', 'consejo', 'consejos', 'cómo', 'recuerda', 'evita', 'evitar', 'recomendamos', 'recomendación',
    'sugerimos', 'guía', 'manual', 'plan', 'ejercicio', 'actividad', 'actividades', 'marco', 'formulario', 'recursos',
  ],
  coaching: ['coach', 'coaches', 'coaching', 'coachee', 'sesión de coaching', 'modelo grow', 'facilitación', 'facilitador', 'facilitadora', 'scrum', 'scrum master', 'retrospectiva', 'coach de vida'],
  tutoring: [
    'clases particulares', 'clases de refuerzo', 'refuerzo escolar', 'deberes', 'apoyo escolar', 'profesor', 'profesora', 'profesores', 'alumno',
    'alumnos', 'alumna', 'estudiantes', 'taller', 'talleres', 'temario', 'examen', 'exámenes', 'matemáticas', 'aula', 'clases',
    'tutoría', 'tutorías',
  ],
  onboarding: [
    'onboarding', 'incorporación', 'acogida', 'nuevo empleado', 'nuevos empleados', 'nueva incorporación', 'nuevas incorporaciones', 'primer día', 'primera semana',
    'plan de acogida', 'padrino', 'buddy', 'recursos humanos', 'rrhh', 'nómina', 'empleado', 'empleados', 'periodo de prueba', 'puesto de trabajo', 'portátil',
    'accesos',
  ],
  tech: [
    ...en.tech, 'instalar', 'instalación', 'configuración', 'configurar', 'comando', 'comandos', 'línea de comandos', 'ajustes', 'versión', 'software',
    'código fuente', 'base de datos', 'servidor', 'inicio de sesión', 'usuario', 'contraseña', 'administración', 'administrador',
  ],
  hardware: [...en.hardware, 'kit de robótica', 'robótica', 'montaje', 'sensor', 'motor', 'placa', 'soldar', 'batería', 'montar', 'tornillos', 'ruedas'],
  jobs: [
    'buscamos', 'oferta de empleo', 'oferta de trabajo', 'vacante', 'vacantes', 'puesto de trabajo', 'plazo de solicitud', 'envía tu cv', 'inscríbete en la oferta', 'sueldo', 'por hora', 'media jornada', 'jornada completa'],
  leadership: ['liderazgo', 'líder', 'líderes', 'jefe', 'jefa', 'gerente', 'directivos', 'reunión uno a uno', 'reuniones uno a uno', 'equipo', 'tu equipo', 'delegar', 'gestión de equipos', 'colaboradores'],
  mentorSide: [
    'tu mentorado', 'tu mentorada', 'tus mentorados', 'como mentor', 'como mentora', 'buen mentor', 'buena mentora', 'ser mentor', 'ser mentora', 'nuevo mentor',
    'nuevos mentores', 'rol del mentor', 'papel del mentor', 'el mentor debe', 'los mentores deben', 'ayuda a tu mentorado',
  ],
  menteeSide: ['tu mentor', 'tu mentora', 'como mentorado', 'como mentorada', 'encontrar un mentor', 'buscar un mentor', 'solicita', 'solicitantes', 'tu solicitud', 'becario', 'becarios', 'prácticas'],
  mention: [
    'lanzamos', 'lanza', 'anuncia', 'anunciamos', 'nos complace', 'estamos encantados', 'plazo', 'inscríbete', 'inscripción', 'inscripciones', 'felicidades',
    'enhorabuena', 'bienvenida', 'bienvenidos', 'conoce a', 'entrevista', 'evento', 'jornada', 'webinar', 'gracias', 'vídeo', 'grabación', 'fechas',
  ],
};
