/// The phrase lists behind the `navigation` and `boilerplate` rules, in both languages.
///
/// They hold generic interface wording that any news or blog template uses, never text taken
/// from a particular site. Entries are written as the normalizer produces them: lower case,
/// accents kept, single spaces, no surrounding punctuation.
enum PhraseLists {
    /// Whole lines that are navigation labels, buttons or section furniture.
    static let navigationLines: [String] = [
        // English
        "skip to content", "skip to main content", "skip to navigation", "skip navigation",
        "menu", "main menu", "open menu", "close menu", "search", "home", "homepage", "sign in", "log in",
        "login", "log out", "sign out", "register", "subscribe", "subscribe now", "share", "share this",
        "share this article", "share on facebook", "share on twitter", "share on whatsapp", "most viewed",
        "most read", "most popular", "trending", "read more", "more information", "more info",
        "related", "related articles", "related stories", "related content", "archived in", "latest news",
        "latest", "next", "previous", "next article", "previous article", "back to top", "close",
        "comments", "show comments", "hide comments", "print", "email", "e-mail", "copy link",
        "advertisement", "sponsored", "sponsored content", "follow us", "newsletter", "newsletters",
        "facebook", "twitter", "instagram", "linkedin", "whatsapp", "youtube", "tiktok", "rss",
        "load more", "show more", "see more", "view all", "sections", "topics", "tags", "contact",
        "contact us", "about us", "privacy", "terms", "cookies", "accept", "accept all", "reject all",
        "continue reading", "listen", "listen to article", "toggle caption", "image", "photo", "video",
        // Spanish
        "ir al contenido", "saltar al contenido", "ir al contenido principal", "menú", "abrir menú",
        "cerrar menú", "buscar", "buscador", "inicio", "portada", "iniciar sesión", "inicia sesión",
        "cerrar sesión", "registrarse", "regístrate", "suscríbete", "suscribirse", "compartir",
        "compartir en facebook", "compartir en twitter", "compartir en whatsapp", "lo más visto",
        "lo más leído", "más leídas", "más leídos", "más vistos", "leer más", "seguir leyendo",
        "más información", "últimas noticias", "lo último", "noticias relacionadas", "relacionados",
        "te puede interesar", "publicidad", "cerrar", "comentarios", "ver comentarios", "imprimir",
        "enviar", "copiar enlace", "volver arriba", "siguiente", "anterior", "síguenos", "contacto",
        "contáctanos", "quiénes somos", "aviso legal", "privacidad", "aceptar", "aceptar todo",
        "rechazar todo", "ver más", "cargar más", "mostrar más", "secciones", "temas", "etiquetas",
        "escuchar", "foto", "imagen", "vídeo",
    ]

    /// Word sequences that mark a line as a cookie, paywall, subscription, newsletter or legal banner.
    static let boilerplateCues: [String] = [
        // English
        "cookie", "cookies", "newsletter", "newsletters", "subscribe", "subscription", "subscriptions",
        "subscriber", "subscribers", "paywall", "sign up", "all rights reserved", "privacy policy",
        "terms of service", "terms of use", "terms and conditions", "cookie policy", "your browser",
        "enable javascript", "javascript", "already a subscriber", "create an account", "free trial",
        "payment details", "payment method", "become a member", "membership", "unlimited access",
        "your account",
        // Spanish
        "suscripción", "suscripciones", "suscríbete", "suscribirse", "suscriptor", "suscriptores",
        "suscriptora", "boletín", "newsletter", "regístrate", "derechos reservados",
        "todos los derechos reservados", "política de privacidad", "política de cookies",
        "términos y condiciones", "condiciones de uso", "aviso legal", "tu navegador", "tu cuenta",
        "inicia sesión", "iniciar sesión", "contraseña", "datos de pago", "método de pago", "tu cuota",
        "hazte socio", "hazte socia", "darte de alta", "acceso ilimitado",
    ]

    /// English function words: articles, pronouns, prepositions, conjunctions, auxiliaries.
    /// Their density tells prose from labels; their balance against ``spanishStopWords`` tells
    /// the line's language.
    static let englishStopWords: [String] = [
        "the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "as", "into", "about", "after", "before", "over", "under", "between", "through",
        "during", "without", "against", "than", "that", "this", "these", "those", "which", "who",
        "whom", "whose", "what", "when", "where", "why", "how", "it", "its", "he", "she", "they",
        "we", "you", "i", "me", "him", "her", "them", "us", "his", "their", "our", "your", "my",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
        "did", "will", "would", "can", "could", "should", "may", "might", "must", "not", "no",
        "so", "there", "then", "also", "just", "only", "very", "more", "most", "some", "any",
        "all", "such", "own", "other", "up", "out", "said", "says", "while", "because", "since",
        "until", "both", "each", "few", "many", "much", "even", "still", "s", "t",
    ]

    /// Spanish function words (see ``englishStopWords``).
    static let spanishStopWords: [String] = [
        "el", "la", "los", "las", "un", "una", "unos", "unas", "y", "e", "o", "u", "pero", "si",
        "de", "del", "a", "al", "en", "con", "por", "para", "sin", "sobre", "entre", "hasta",
        "desde", "hacia", "tras", "ante", "contra", "según", "durante", "que", "quien", "quienes",
        "cual", "cuales", "cuando", "donde", "como", "porque", "aunque", "mientras", "se", "su",
        "sus", "lo", "le", "les", "me", "te", "nos", "mi", "tu", "él", "ella", "ellos", "ellas",
        "nosotros", "usted", "ustedes", "es", "son", "era", "eran", "fue", "fueron", "ser", "sido",
        "está", "están", "estaba", "estar", "ha", "han", "había", "haber", "hay", "he", "hemos",
        "no", "ya", "más", "muy", "también", "este", "esta", "estos", "estas", "ese", "esa", "esos",
        "esas", "eso", "esto", "aquí", "todo", "toda", "todos", "todas", "otro", "otra", "otros",
        "otras", "sí", "ni", "sino", "cada", "tanto", "mismo", "misma", "dijo", "puede", "pueden",
    ]

    /// Month and weekday names and dateline words, in both languages.
    static let dateWords: [String] = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "updated", "published", "posted", "modified",
        "am", "pm", "est", "edt", "pst", "pt", "et", "gmt", "utc", "cet", "cest",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "setiembre", "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "actualizado",
        "actualizada", "publicado", "publicada", "modificado", "h", "hrs", "ago", "minutes", "hours",
        "days", "hace", "minutos", "horas", "días",
    ]

    /// First words of a byline.
    static let bylineOpeners: [String] = ["by", "por", "written by", "escrito por", "redacción", "reporting by"]

    /// Phrases that head or fill a reader-comments section.
    static let commentCues: [String] = [
        "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment",
        "join the conversation", "reply", "replies", "report comment", "report abuse", "log in to comment",
        "comentarios", "comentario", "deja un comentario", "dejar un comentario", "escribe tu comentario",
        "añadir comentario", "comentar", "responder", "respuestas", "denunciar", "para comentar", "normas de la comunidad",
        "community guidelines",
    ]

    /// Link-list phrases: teasers and "read also" links around the article.
    static let linkCues: [String] = [
        "read more", "read also", "see also", "also read", "more from",
        "recommended", "you may also like", "you might also like", "most read", "most popular",
        "more stories", "top stories", "trending now", "explore more", "view all", "see all",
        "leer más", "lee también", "lea también", "ver también", "vea también", "te puede interesar",
        "también te puede interesar", "más noticias", "lo más leído", "lo más visto", "más leídas",
        "noticias relacionadas", "recomendados", "ver más", "ver todos", "ver todas",
    ]

    /// Photo credits and news agencies, as in caption credit lines.
    static let creditCues: [String] = [
        "photo", "photograph", "photography", "photos", "image", "images", "getty images", "illustration",
        "credit", "ap photo", "shutterstock", "reuters", "afp", "efe", "europa press", "associated press",
        "foto", "fotos", "fotografía", "imagen", "ilustración", "archivo", "cedida",
    ]
}
