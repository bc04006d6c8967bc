# Por que a resposta do Claude não virou legenda quando o dono pediu uma reescrita (texto simples).
caption-unusable-invalid-json = O Claude não conseguiu escrever uma legenda utilizável: não deu para ler a resposta.
caption-unusable-schema-mismatch = O Claude não conseguiu escrever uma legenda utilizável: a resposta não veio no formato pedido.
caption-unusable-limits-exceeded = O Claude não conseguiu escrever uma legenda utilizável: ela passava dos limites do Instagram (2.200 caracteres, 30 hashtags, 20 marcações com @) mesmo sem as hashtags.
caption-unusable-banned-term = O Claude não conseguiu escrever uma legenda utilizável: ele insistiu num termo que a marca proíbe (veja /brand).
caption-unusable-truncated = O Claude não conseguiu escrever uma legenda utilizável: a resposta foi cortada antes do fim.
caption-unusable-refused = O Claude se recusou a escrever esta legenda.
