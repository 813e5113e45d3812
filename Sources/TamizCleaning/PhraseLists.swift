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
        // Spanish
        "suscripción", "suscripciones", "suscríbete", "suscribirse", "suscriptor", "suscriptores",
        "suscriptora", "boletín", "newsletter", "regístrate", "derechos reservados",
        "todos los derechos reservados", "política de privacidad", "política de cookies",
        "términos y condiciones", "condiciones de uso", "aviso legal", "tu navegador", "tu cuenta",
        "inicia sesión", "iniciar sesión", "contraseña",
    ]
}
