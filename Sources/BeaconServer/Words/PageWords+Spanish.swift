import BeaconCore

extension PageWords {
    /// For employers and trainees who read Spanish; usted throughout, as in the player.
    public static let spanish = PageWords(
        language: .spanish,
        months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        date: { day, month, year in "\(day) de \(month) de \(year)" },
        switchLabel: "Idioma",
        formTitle: "Verificar un certificado",
        formHeading: "Verificar un certificado de apoyo entre pares",
        formIntro: "Pegue el certificado que le dio la persona candidata (es un bloque de texto que empieza con <code>{</code>), o elija el archivo. No se guarda nada de lo que verifique.",
        textLabel: "Texto del certificado",
        fileLabel: "O un archivo de certificado",
        checkButton: "Verificar certificado",
        scripts: "Los programas pueden enviar el JSON con POST a <code>/api/v1/verify</code>. Las claves del emisor están en <a href=\"/issuer\">/issuer</a>.",
        tooLarge: "Ese archivo pesa más de 1 MB; un certificado ocupa solo unos pocos kilobytes.",
        nothingSent: "Pegue el texto del certificado o elija su archivo, y luego oprima Verificar certificado.",
        unreadable: { reason in "Eso no es un certificado que Beacon pueda leer: \(reason)" },
        validTitle: "Certificado válido",
        invalidTitle: "Certificado no válido",
        validVerdict: "Válido: este certificado es auténtico, está vigente y en regla.",
        invalidVerdict: "No válido: no confíe en este certificado.",
        whatIsWrong: "Qué está mal",
        checkHeading: "Verificación del certificado",
        sharedHeading: "Certificado compartido",
        whatItSays: "Lo que dice",
        certificate: "Certificado",
        holder: "Titular",
        issuedBy: "Emitido por",
        valid: "Vigencia",
        validSpan: { from, until in "del \(from) al \(until)" },
        notStated: "no indicado",
        noEndDate: "sin fecha de vencimiento",
        fourChecks: "Las cuatro comprobaciones",
        whatItRequires: "Lo que exige",
        itselfSummary: "El certificado en sí",
        checkAnother: "Verificar otro certificado",
        signature: "Firma",
        issuer: "Emisor",
        validity: "Vigencia",
        status: "Estado",
        value: { value in
            switch value {
            case "valid": "válida"
            case "missing": "falta"
            case "unsupported": "no admitida"
            case "invalid": "no válida"
            case "trusted": "de confianza"
            case "untrusted": "no es de confianza"
            case "current": "vigente"
            case "expired": "vencido"
            case "not-yet-valid": "todavía no vigente"
            case "active": "activo"
            case "revoked": "revocado"
            case "suspended": "suspendido"
            case "inactive": "inactivo"
            case "relinquished": "renunciado"
            case "unknown": "desconocido"
            default: value
            }
        },
        signatureMeaning: { value in
            switch value {
            case "valid": "El certificado no ha cambiado desde que el emisor lo firmó."
            case "missing": "El certificado no tiene firma, así que cualquiera pudo haberlo escrito."
            case "unsupported": "El certificado está firmado de una forma que este verificador no maneja; aquí no se puede confirmar."
            default: "El certificado se cambió después de firmarse, o la firma no es auténtica."
            }
        },
        issuerMeaning: { value in
            value == "trusted"
                ? "Lo firmó un emisor en quien confía este servicio."
                : "No lo firmó un emisor en quien confíe este servicio. Puede ser auténtico en otro lugar, pero este servicio no puede responder por él."
        },
        validityMeaning: { value in
            switch value {
            case "current": "Hoy está dentro de las fechas en que el certificado es válido."
            case "expired": "El certificado venció; puede que su titular tenga uno renovado."
            default: "El certificado todavía no es válido."
            }
        },
        statusMeaning: { value in
            switch value {
            case "active": "El emisor no lo ha revocado, suspendido ni inactivado, y su titular no ha renunciado a él."
            case "revoked": "El emisor lo revocó. Ya no certifica nada."
            case "suspended": "El emisor lo suspendió por ahora. Pregunte el motivo a su titular o al emisor."
            case "inactive": "Está inactivo: su titular no ejerce con él por ahora, así que no certifica una práctica actual."
            case "relinquished": "Su titular renunció a él. Ya no certifica nada."
            default: "No se pudo comprobar su estado actual, así que no se puede confirmar que esté en regla."
            }
        },
        notFoundTitle: "No encontrado",
        notFound: "Aquí no hay nada. Los certificados solo se muestran cuando su titular decide compartirlos.",
        checkACertificate: "Verificar un certificado",
        awardedTo: "otorgado a",
        certificateId: "Identificador del certificado",
        genuine: "Compruebe que es auténtico y está vigente, y lea lo que exige:",
        qrTitle: { url in "Código QR: verifique este certificado en \(url)" },
        signedFile: "El certificado firmado (el archivo que se entrega a un empleador)",
        to: "al",
        wordedIn: { language in "El certificado está redactado en \(language == .spanish ? "español" : "inglés"), como su titular tomó el curso." }
    )
}
