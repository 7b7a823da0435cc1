/**
 * GENERATED FILE, do not edit. Regenerate with `npx tsx electron/tools/generate-simulation-keys.ts`.
 *
 * Public demo keys for the TokenScope simulator. The private halves are published in this repository, so anyone can
 * forge tokens with them: never configure them on a real cluster.
 *
 * The engine picks from these pools with its seeded PRNG, so a run is reproducible: RS256 (RSASSA-PKCS1-v1_5)
 * signatures are deterministic and RS256 tokens are identical byte for byte from run to run. ES256 (ECDSA)
 * signatures use a fresh random nonce, so ES256 tokens differ from run to run in their signature part only.
 *
 * kid = base64url(SHA-256(PKIX SubjectPublicKeyInfo DER)), `keyIDFromPublicKey` in kubernetes pkg/serviceaccount/jwt.go.
 */
import type { SigningAlgorithm, SigningKey } from './jwt-types.ts';

/** 8 RSA-2048 key pairs. */
export const rs256SimulationKeys: readonly SigningKey[] = [
  {
    kid: 'VgdhVZgQyYrXEDQRk0EMKy6m2u1ukE3NhS11GPJ4f44',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'lHCajs6v8OhorezkVvNTEcIQ6As9_S6QYW6kJHTtX6QVmdot9jdgHUhCn6d25b_vihJKc8a5o5kLVTDl-cURlo0HeBmQ-HGVKRjymEbvGx5Nf4XWhlLwquHFvaaHVBHzPQiyjEetqRJtzkIVE49db_8ofpgZ7l6yicDpKUkH3gRgLPfj7bPZVFOcYzYyH_GPQk7nQZNvOwgo3TZjziJlF409JPwqW2McE_rZW97Nz6_lR4D1c1aC4U-PJKV9ZObx-c7ErmAH4aLbWcFdkFLxFY0n5te2HyNNrlqQpjNFz8oVxY-ErMCAzfWX61a5F64vdbzrF959gfTdAiyqLslngQ',
      e: 'AQAB',
      d: 'A6jLfKAGiRg3pWsAvY6B0p8fwtKtIGnWlBpRyFbMF8agJDLzXV2j3FDw2IX8ucD7ryIQjQ5d-vUdyQe7saa8rmMTZy_tKZzGNjVH3L5p7FeYxj8myNiwV2wZr3lUnntTTWLCoQ_uzWtXguVQ5vKqtWU7SrSl9gEGYnw7m0GSRLQ6DIi4o2_lOLYa3_sLHMhKjlNWo3rY1x2vrEQWIQxD53_3RwpiJGH0vkLyeWoqqt8fRJKP8UvaXh9oj6Usiv2_icgerEMp43QoPsN6T6s72HARaz7ynNDxfSIMTsRcjNo5kWQJA0FSM8Cskvhig0irkM8duZ_1TDXQXa9LDvjN2Q',
      p: 'xWUnpjW3dhm5iQbDdrbQOBPJdODxPXQKTVYCqXAghR1NvySjwtqv7NkmZVyPHMFIbYHvwv_S_PN2p5c8luDH9StpPHR621pjOsjnUGonpm4iQvwFtSulBYF2B_SG1PxQPZbmbPK8bIqvixudt3RV7zqxEh9NZPkmOMOyu4TewTk',
      q: 'wIKlSvvbkBLqyycQBWpz5nGpmXb_WnxWIRiuDNwxJBcHGTl2OU-u07BfHwd4FYJYeNSMTW4ttwN94kuOJYjE4fu_mY5G_pkbWYMrcc186Yjy7b2po_oUfH4DvRyaMC7hG9fP6Lge-7X0GRu1DDpIDZu7pTKwmb7hmq18m3Q0AIk',
      dp: 'wbuK030LB1UuHEdQFbZM24zH_vc6rUazSb2ttSBAOoVNJdlPBFHfsgRZw8e5Cc7FR_zsFSVBrVNB1DABnk8U0RH_If9sCNdIZoyBQhI9wgF7jOSOsYYZWzL5Zctffa_5DMmKc8k0lw7yRQQgocoDAV1IJnIkYoKJOdMQGyzH9zk',
      dq: 'dx2fdyklrxz1aORvtlorArDbtxh5YhzDElF6CH0KbwFMpB_49fdG_rcH9GQjunNfmMwzUAnXgYFImAgWGUVqRUYHRNVTOl-0G4vdCtqR6tKRNeeAGvU3TdyPJamYAi5PnXHItH-QtEDem9aYDMvXH4x36_zUZx1D7PhhvLKHJrk',
      qi: 'Fc9XptSuBf-YuEnSfSGshet5TGd5ZO34H06qlbAyMp8edAsL9ahgTKR3cM8e4-Fb7Zq8zw9AJN2AhxRt55g8IVIi46k9SZaXuN2Fke29RaDA_aRNVyh4BHB17egXOzbYjb8OTRfOcF2jwUX28hjyPSFoMrbiEya3-vTThRb4oyU',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'lHCajs6v8OhorezkVvNTEcIQ6As9_S6QYW6kJHTtX6QVmdot9jdgHUhCn6d25b_vihJKc8a5o5kLVTDl-cURlo0HeBmQ-HGVKRjymEbvGx5Nf4XWhlLwquHFvaaHVBHzPQiyjEetqRJtzkIVE49db_8ofpgZ7l6yicDpKUkH3gRgLPfj7bPZVFOcYzYyH_GPQk7nQZNvOwgo3TZjziJlF409JPwqW2McE_rZW97Nz6_lR4D1c1aC4U-PJKV9ZObx-c7ErmAH4aLbWcFdkFLxFY0n5te2HyNNrlqQpjNFz8oVxY-ErMCAzfWX61a5F64vdbzrF959gfTdAiyqLslngQ',
      e: 'AQAB',
    },
  },
  {
    kid: 'ai6oikSRK-daufR81vfi6EllqKlXZO8lhYuZqtL_uIs',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'trs42c4mlcqMejL5kDbAr9AoDShyRpdMnM0fK8n7V2H1ng26wzCbbvsVCWycDYOM6VJyAmmv189uPh2i4ElGVvsyKnJUv8WHzZSsGyDjaUaHu_a4jlXUk0ji-TKnnbJyjd8MWCdessvGNK8HEAsAeWyUhROEB5b96bJUFHyGoFa86GS6tC_9HR5mA81WlSP_e6ouLe5LdN2ORTugkq0mp7oQgn9lr2p3IUNKjSvrmleINV74dNjGJU8zPTlIQL6SEdXd9ZUHVAXCVWgV0GZYHitjRPZcqMddL8PvV5qIlQKbes2P9a4UkcXHjEquy745UzQXNyx7YytyPFKGkzDogQ',
      e: 'AQAB',
      d: 'Bq1F9oTB2YH9Krnnbzg7nNujmwIkqs-nIlOcaqKGvI_9GY6xiaWiXaZvA655mpoj8U1B599UvYimzpORUACywUWMdQtDGClvkjjMe8adM0uQdMh0az8CSsoZq7azc9-sBThmixIP3m3ztW5vzkuYniyJgL37JQvaBfVY0nwlBIFsMgMmdiYMCBkz-XkPiuEIyGyWC4nZgvwX3ZmvdjZ-sUt-LrzOptva7ZWpuBdl2mZaozOHQjUcFa_-awE3JPem5hQ7itMFonjSC00tjWctfyT_fZsT8Upj0MAIb39wxMX_XJbld3d5ipTj3TlbcPSQoA6YTSa9zAW8kca6QgWpwQ',
      p: '_EDR_bTvXzd1xOmFwtvoCfQvGH46nF26HCJV6wbJSxAtexz5uL9iPearUfiDF6qvELzKzHyHf7L7beidwNS9X8rAQSVaSurUldHI4DFWLKswsHIbd9NKYU3b3fB5HBQXTXHcRG8USUR7Uc5mln3gAP1UcoZcDNMGljCJU18dG5M',
      q: 'uXIManh_q8dzdFgsYtbSFro4ikUYD8j_gaJySBZfDqS21LsC0ZsYkSn-9WZbgaQ7mTqgvL8etsDbmWSccIZcSwl1ObUD87LoSALZjyUdQiZPzDPKw5U9Jpfx60CohbXKXScP3RctW1Te3dqyIprWo5nONxr3LCEn7qDQd0HFABs',
      dp: 'rjnTEAl1P22d0Oh9s62RYbafBKrCrpdp4N6yOwdP5qGA2ESWEk1VfG2irJYZbTI9gjDzXTMxnziuwiXlN3d4aP4vtY8oAxCYzfW8aWSKIYYHtgbKBAQSnoxZLLxX2dXilmHrAfU6rLQ4_LKzVoQQQH64YfV9BHqIVRmm78eE4jM',
      dq: 'Khra9tGlKzt920ypx0c_LCnb7IkDjZH1cVmQ2Q07R_feCy7q1OyCB3Ohj9ZNsIG5hnDpTfGW56eiNJHDc0kOa3saQp_25b4ZP0BmZTnoCrzoIVUhFIct-zVEmEV1_eXorH3R_EDm63W5pGWjTHgbg8nIKHrW5A4jIusgafNk50E',
      qi: 'Dx49gAfrrM5t--rFLlHa4ujM9hDBtEo1BfsfVckPZeu8_NZ5a9_Beb3Nb2nCkJK_tCUGljDVs9hAWh7LovRo6AZJ8MaHMWxszWe3Fl1pKCRn7-rCztqWmLbWD6t6MxLfavSG8KWWxwFdXfw_A1ZkYLn6dopLpKcTQ1zAMZFZL98',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'trs42c4mlcqMejL5kDbAr9AoDShyRpdMnM0fK8n7V2H1ng26wzCbbvsVCWycDYOM6VJyAmmv189uPh2i4ElGVvsyKnJUv8WHzZSsGyDjaUaHu_a4jlXUk0ji-TKnnbJyjd8MWCdessvGNK8HEAsAeWyUhROEB5b96bJUFHyGoFa86GS6tC_9HR5mA81WlSP_e6ouLe5LdN2ORTugkq0mp7oQgn9lr2p3IUNKjSvrmleINV74dNjGJU8zPTlIQL6SEdXd9ZUHVAXCVWgV0GZYHitjRPZcqMddL8PvV5qIlQKbes2P9a4UkcXHjEquy745UzQXNyx7YytyPFKGkzDogQ',
      e: 'AQAB',
    },
  },
  {
    kid: 'Zr0OGmheY16q2wu08XYpAdOougKZ9TU0C4cvHvtw4cs',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'rS78kmTGlyntCZ4wxEabl8MWNlIy4ygwWGEsoPDyXKdSPeLu6pLn7tzi7wHaKJHqTWX90021CMnWlpdl95Xm2kI8VbvjQTqsRWTexj2_Ja5pAnxNwHScht1thJLkKiDwzKt3aUkx-1Y9EpGXk0V43npFlo4aWznaq4YdU4MD2_e-pgCZoxYBNTDpkbtd__8VaZO_8R7LCfYkvhTTpS9aCviHXwDoR2FHnzp15zj_469HImtXVahNo_VVYY5jlL_3pSVK8TMweisLBBEhYd7WZTmYlsMFFgk46ztAOvEynWJ7G3MgCsIqjF3CzIKKhry7kXfi35jUsonqlpP5ejfgrw',
      e: 'AQAB',
      d: 'Eynj4P8tyoRlKm9Kzi1SAlUgHBq0btZ_owf9vEFtUDtjql12OpbO-2uN4Qy_a0XaO35RvBQZOEO9bySJr__yb6xsqMAFwa4Qag1jaWRjxnOqQxAmOmms-G-AMu9eOBs1CjDfIdNrqHg-gdOChlVlrpixIpvO5tFcFSbeD-OrhaeRZarwWJYIgFmYHZJtER1bQlpvk4SPCaBPwsE4eWtRgXCP-PSbvh-8weaVZ5JvEg98Qd2XoPfpnFqRU6UPPzRHsUuBbx_sqmXC5tNczNLPN-kmWS8Wqpt3jPNQr_snFb8HJ4H5XIq8vhPJ3NuWVcOnCFLr3jv4S3xcd6IjN7UIgQ',
      p: '83esOdeZGslF--V_B7UwFPfH84YDqpMaTGwtinjEgKOMA3Sy2RQh8AriQfCrjtRX8FVxhJJ2nkBaeWGe-r2wnnJZuS5I1RwIn0jBFKtwRsA_Kq8QAhKYQ2TdMw6SkYraxCdaT-nE0DYEvt5RFut0cjaisCEV-ennh_EsX8Samt8',
      q: 'thkjKieb7R158zWJMwIA-WUHLTbbNo5SQ87VPTgk_fLb38jRxs7e8Lntenz7oKCwf0cxHzQsFlD1vAKIpz4DYpp3UP9xfrpBBBGB6EadA-YzZTWXn7AynNXDYIHxp2UPGJN5gYgQXq-Ro7-vtw26NXI0FFhJS8PPbjmTRcUjRDE',
      dp: 'XZdObHnVkDd5IKkLGQJstlK92X5V4Hdl76TSKN3d4_l6tEVjDxGvLiBw85o5yNEV8PxXg_ftg04HuYtuWsMapv4cQZRqSQnawqhsGK8CnR__6D-drr5JK_cVFTBv5WT0Td022WtqzgNF9b1ufJoMjG82QPCnCwgAigCK51GjgQ8',
      dq: 'HnVh7mElsammhknEIyYIp66AXs24KQ3xMKpd_JlxhpCiunHKtOhRXg6bbEuPgzSdkQyFaOS_IxRzpfj-horW4h1YK9IuV7YrvdR32DRHeyl8G0e1jt5X-OfAgFn747YBqmiwgDwUEOJpB-y-JW5EYUAy-dwylluwTI2Q1rC8z2E',
      qi: 'so-TJQQeMZjGv_QvyIC4xi4jWP82CuwErXznWS_c_l5FU20r-SDsaMrl3qaWL5fvnFjeMHPnWKFP_RRLErtL81ZtklCeF5qey2iqWRlWGNMW0S6y97FXpUIvdtmmmadXdfy3UwdjWvcM-nCoXyI9cZXgqGyXEyUaDGyovE62fkQ',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'rS78kmTGlyntCZ4wxEabl8MWNlIy4ygwWGEsoPDyXKdSPeLu6pLn7tzi7wHaKJHqTWX90021CMnWlpdl95Xm2kI8VbvjQTqsRWTexj2_Ja5pAnxNwHScht1thJLkKiDwzKt3aUkx-1Y9EpGXk0V43npFlo4aWznaq4YdU4MD2_e-pgCZoxYBNTDpkbtd__8VaZO_8R7LCfYkvhTTpS9aCviHXwDoR2FHnzp15zj_469HImtXVahNo_VVYY5jlL_3pSVK8TMweisLBBEhYd7WZTmYlsMFFgk46ztAOvEynWJ7G3MgCsIqjF3CzIKKhry7kXfi35jUsonqlpP5ejfgrw',
      e: 'AQAB',
    },
  },
  {
    kid: 'UBK4pfttMPZQBDVFA5xdmlOEGGaeytsyIBqdBhmUcD8',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: '1Kc50gfGNah9YhsfxnsfKRzD-fYPm5sQd9WGj5QTM4k_m9O4y4Y2bS7__ISyKCD9C5p-n7ARJ04m856ysAU8j7JBFWIt9PVIp10NbK0K3eFic5CAIfWoDzcfG8a3Hh0IxcmaVkClXRg5NZbpJK6bVy3SoK_Mo4J-Bf6EFXaEccedUI6leWWnlk6nDodZGfmyqXFAw2aE3004zeTGwzPWwbh0NBh4jPmate2Bd4Y6fiNJ_3nCljvfZyH4U1VExwLnMNW6xxX1pnKiH8d0B62KJqj8kIkQRoRXZPXH935bJwMj5J0qF9CuCM0IBpZ8HKZV5xg_TF3oJDeDPKXX-1NX8Q',
      e: 'AQAB',
      d: 'HhjS5qaCB5sir81t-F35oYx4MjsAp4HRWVyHsG-BLjSZI5laGLgUoOxbf6ZaPrK4jblefYRiUSFPAwDtglsjYKUWcAvWvEow77sMSNrO5GtfT0Le16-Yixq-lORRi3oJgVDQvq9kmCHzCuIiejYaN0L9gg-Pk37HDlsg35bIFQAsx2QgG8Y3qrhoQAFYrNxGCKhoYUZ1RL8LIifDk65v96XkuJfHCkxHqf3YRFkNLv0vI08qh9lYz_fJm0YwAyTaDQxmT6A_VBM2RXaJibKMtSUtpDXCvAhiX-S9OfNULgpWWt20SZ0xK1gU81BLjhOsGt6x8jkaL1r1f1LhHHHRHw',
      p: '-87wChkh-sQjb6R82voyVLQ3fFxv2lXFSZgn6nzJnOQLOc1X_hSMOv_f8glHrqtQj4jnWCONFJfqdBPR_6tLPSzf8iYfiexklZ3zHhkVbA-VjGJBPh_Beao_nuuhiZYpJygdykW-aVrOBscznfcTlnSoG7N5dJTufHpaLYW3jvc',
      q: '2DFufLAkcqEDC8uk71wLPMHrbLogJarLLyONbJS-ACAOujAXRoMZdVd7lDM2vBEFwaq2hT8r6RdfjDkBRJoyQZFMiHkJxPYOJlJdCVKnc6S75fABOQHJy9LGd-gsvlGXwEmgXYjrUUObR4hobsWsFEl40v6xMA1iQamY6z2Rzlc',
      dp: 'IUQbbhoX5RsYW11tqTg4gfw1AFbt5_hA0hIp486MjA-MdBxurYBlbj3zhfQ35hl30R6TAY_gyYGwVZlwusgUboaJJ2Jl9ECooSN2xNknfVkptpwcZmqnkr0tHn-enaCa2zNvjBNermhyo26ZoRrNGalbtB0nxIEQaJ15YF4z-80',
      dq: 'Fo6hzpS6WNN_890dqnPaIE7Dd6a77_IwHQ0Clo-2e2Dc6IRYCV1obJviIwZs8ZZ9GUXsoV6EAGAV8hWIklXcZIb6i0rFwC1EMK9rUau0GRbZHBa8qewL2B534s7wzDLLOJ72AoxksSfyrbYH33b0i3FXD_zPFApxdBR0Bid4bSU',
      qi: 'h27xwnxPNlAapuN6XWXik7QeX7Z326PW1GKlGbXRcqwbbafpG76L5aGWM09DBGwJhoN40Lg995X1YJ7N-nRbHIsYKu2LDm6ohCOaHseyGVCqJvDwC0RR2s6jovhvX1XGNKlP00bkSAlKYKWyBRSEoIKOj6JCb9SckAw6O2jiQ2U',
    },
    publicJwk: {
      kty: 'RSA',
      n: '1Kc50gfGNah9YhsfxnsfKRzD-fYPm5sQd9WGj5QTM4k_m9O4y4Y2bS7__ISyKCD9C5p-n7ARJ04m856ysAU8j7JBFWIt9PVIp10NbK0K3eFic5CAIfWoDzcfG8a3Hh0IxcmaVkClXRg5NZbpJK6bVy3SoK_Mo4J-Bf6EFXaEccedUI6leWWnlk6nDodZGfmyqXFAw2aE3004zeTGwzPWwbh0NBh4jPmate2Bd4Y6fiNJ_3nCljvfZyH4U1VExwLnMNW6xxX1pnKiH8d0B62KJqj8kIkQRoRXZPXH935bJwMj5J0qF9CuCM0IBpZ8HKZV5xg_TF3oJDeDPKXX-1NX8Q',
      e: 'AQAB',
    },
  },
  {
    kid: 'tbgLoZzTdScv5M40JnDsYejgKi9Ot_8vNObi4JodQgI',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'sTAXs3uTQaNNxNhGOGCy4dfPB6g4_J96ZCc8_554UdQBJ8O8-ag7Lj5asKeKeKGu5Ext6M1rXccBEGK8-oWA4Z4owUyPmAXdeJTcsSP3X46PyYbaNBRZEtu7HFoQNcqXxGJ3cgW4xjeyRduNlB29JncFRJmoX65QURBNBe-0pYlI3WEM-8ca3qEPfI1Rtl_CAgYltJK8pnM8wrfGsWoPx_F4V7OJri_wKoKOhdy7zRY8VMVNMUib39fwzMaFgDrh_euiL9Yfg6D38nkXEoHJ-jcyShvgy9ZvBdg5SWq63epdO0TbHWWUXVqUdiBNFMzT4THNRcOU3WDAl2T3VjIhEw',
      e: 'AQAB',
      d: 'U1Cp1FtnApYnG0gWvKu7cTZowtD2-tKCWlWY-Rkquk9Vu7zuPvY73aK0QhyFn_NmqTLG-5Cby5yng2zqL2JXF7-mqj21x2X6nZhhrWmcB_Kg6cHfGF35BEUN1mcC-Egq1Mz4HUVTfODzkqWKDPtu1YdhksAty8_LNFLV5NSxvKPoRI8NhiL4lSFrki7QzfnMUTXOlbpHqJvr9W1J7_5ftKM5gkFOwadJrB3j9U54B9vWkpWtZnfJN0OLEWV_CrgrwwxOurhcrn8XI38IEG_RIHv9dorAbNyRgeZazg4xQRfADQQGarFjK6QhywrknRov6-_-pMh3vJ8i5p2874KAAQ',
      p: '44XvIHux2jbVTquWM8fxgbIKC74HkmUQFDSbIrH3fo9P9TvRAXc5kaGbD9mqiY3feQ077uBQoiPgJesR6U2po1b6gJjNTm-E5WyOROh3VVp7wFsmE98A-GJIsA_KzSGpZjAK1la7SBDcns34m_GsSAN9zhnCXG6nuX6qaZjw4xM',
      q: 'x11dkfCpEWb7VP1oEobusofK7GjHiBJN_IxOn4BPFKbtsIV2_jij3bWAe5bGsBFTOGStQaNVr3DlbjJhzHHoyKkibdOWDAmC52-rMKxeLk7PIktnHyNa7TbmwfHGNvqmgT0rgIiHF7AercFN1530CyaK-Fp3i9zayvhKm3PjigE',
      dp: 'lGID2uZwzkSWhpEHC0wpqBDp1lCfdY0tmE_aoRz5sPNcDS5ul4se42hGzWaCfuUkyjikTpzCWYwWIgSVkNcSfDE8e-OreaznOgy7GBuXv_Wb4Y5QXgNBCbxndVNHStLaPIe2eaTkzRIaIANqUKGjXu_P-zr3c_rCrgn6r5WL_Ds',
      dq: 's6x5f-Wc-YoOSPJ4sPnadhvbzmRAL2oPzuPEmAtTOhGXdddS_pqdVFsXiErCljuG_PP_EYDa4Fqm60GM0mx2lyGXXdOrDv4jc-E4L42o86MjGo1KSs3aTJ-GKJR1R2duWFuAsT5aQgcAHyhvtzsrjkEWTe16gBpzNSnAU4mGMAE',
      qi: 'yRaYDdGeNMX5Xmho54sMPENb2-OJmDS1NzQLqE3G48K7HgsL0Lf-Zb_9Fkjq3toXj-ghOd8woROyCK6R7HqmI3j7oZU5GZt0R8_ITETFHHoGijagfjETg3vLPxIXOhx-ZkWo-uDF-vwJXJlso_UqAovo0ZS3TXNDz8gi-CRBQw0',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'sTAXs3uTQaNNxNhGOGCy4dfPB6g4_J96ZCc8_554UdQBJ8O8-ag7Lj5asKeKeKGu5Ext6M1rXccBEGK8-oWA4Z4owUyPmAXdeJTcsSP3X46PyYbaNBRZEtu7HFoQNcqXxGJ3cgW4xjeyRduNlB29JncFRJmoX65QURBNBe-0pYlI3WEM-8ca3qEPfI1Rtl_CAgYltJK8pnM8wrfGsWoPx_F4V7OJri_wKoKOhdy7zRY8VMVNMUib39fwzMaFgDrh_euiL9Yfg6D38nkXEoHJ-jcyShvgy9ZvBdg5SWq63epdO0TbHWWUXVqUdiBNFMzT4THNRcOU3WDAl2T3VjIhEw',
      e: 'AQAB',
    },
  },
  {
    kid: 'pbDOPhlD3LDknku7NdyvE8G9jtBFtXtkYlPcnZiuKp8',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'zldEIZA1jokhg8LrT4Ein4jtLmS2vvLq9ai_7I31KUfSECipx-KqL0y9UJ9XygH1lStxltDP1HCNl0DZDMtf-o57vbVWI0hpxDK0ng9HxD0mPXjEqKh0B4aIGSoxr0Lc4PEGnfbsAECWMAUdD--G9tLbBNNUdlxktN4Hs-cSM6z82gu_Tshjlt59B-KDp8AMxqtE-vnquhjO9hk87H8Csd8koyDPXiPG7Nv5rJaIKbbvsifm0BbMF8xuOhVvcXJycKBJlP8GmXBL3E3znYDBBgyaBXrBKwrOivnS6uKTb1qYjzrzIq4MK2xzKOv-oNoHcbCa26l7cj3LnoJaGz7_PQ',
      e: 'AQAB',
      d: 'B9bBYBwMKNLVWt3aFi5j_BcV2aQaXDU6z2PejLRU6sFPfe0pjA40pHDgJVK0YViDNaxNl6rtplazTlp4lHeaeRiWI14i_FqpJ_q8KWAPvCkNjZrLr9Ocete1zmzvr8aUwRfvBivGCflqKz9afAs_v5tBllSX-hom-kcQGFnQM3XOtKJYrgkj4MnKBbpgYpa0Xow6W187GJqmyeHteCv4CrZQPYqlrjsGYcrAcQOKh-6IJBZBROluavQvaSrFLD57FZzYhVyWIBnP4uaAuzri8S9pMvB-nnXpZ0SFhBIKutCYP0-KKyJAEVhy-rURXr3ozTZI_8ABDyg3YLEav3MPqQ',
      p: '8zhZS88Ic33kR-qMmm_QmU5FkYXKSHVKwUjqvDLyEUilQHR3fmZg6PVRXD8EcfNbEuRU3hxGxH_w6dV3m-C7d82F1JAGHRhwbgWPYbAoaZ1gG2ntU-AQDyalN2LOO4v5AOXm-fdztrZ43YZdpCImcFe3Ji6tPC1xJf4gW20eiJk',
      q: '2S7XDI-g5Qah2hB3s7QVSzCQ_6n51fQdrI7aTqP24PDjbFvPxj-WLfSLv2iwPA2vu1LIiQhCifuVdUsftN8gSTV6Hmwd9HX6caymfwkRr3FGRrAl9OtNBNRWLBBCvIOLOpD0m8NpghjmFNxPrQDLIcUCWpTFQdkxqmQ1Uzg8XkU',
      dp: '5EC9jKd_BuPemJ9F1Kma2kTahPdKHzX0MfB8WqJ1CkNi0lp6yeTKjdWrxSZexZHcpp4iB1ACGeb38HqlBWSiiowWTKXdFvEYkiglp0fqpTNMPm3qjAx7Bbz-0Dupz7hMtssLOQtBTPdx9nNi7eYerM-k0fB8Iz2CMmWLeEGvpgE',
      dq: 'FFFIdvlc0PAs5gySVjJrp4wUlIZfQ__BYuo-TAsUxnhinjl8l4xNTWFKTY7KpeOV5A1bi05Fg0kQ81ci0TXqfE7PbNcqejsrQcUoEkxT5jjPnT9PXblBjEkdAqRGygH4XXNAHu5KCYywwZTWs1WWq0MV9ElkpsNd3RXg0zc4lo0',
      qi: '1V6V_0VpWDSbfdUuRIfOdx_at_H-KbnuXu-zDCv4X5d3um6Xqy4SfwlQi_0rk_Vat3oINaCilc8sxD3ShLK77Gwe5oyoE8tywLEC7ManHNG4kYG6jsQFX687--IctC8VMvbrj6qEtQeALN4jOKAPkZDdQ9VwEQPMhbw1X979MuM',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'zldEIZA1jokhg8LrT4Ein4jtLmS2vvLq9ai_7I31KUfSECipx-KqL0y9UJ9XygH1lStxltDP1HCNl0DZDMtf-o57vbVWI0hpxDK0ng9HxD0mPXjEqKh0B4aIGSoxr0Lc4PEGnfbsAECWMAUdD--G9tLbBNNUdlxktN4Hs-cSM6z82gu_Tshjlt59B-KDp8AMxqtE-vnquhjO9hk87H8Csd8koyDPXiPG7Nv5rJaIKbbvsifm0BbMF8xuOhVvcXJycKBJlP8GmXBL3E3znYDBBgyaBXrBKwrOivnS6uKTb1qYjzrzIq4MK2xzKOv-oNoHcbCa26l7cj3LnoJaGz7_PQ',
      e: 'AQAB',
    },
  },
  {
    kid: 'lRpy4qkpJ798y2UJFilJUME7n2uWScDC2f-lcSgewqE',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'xKQofSJshhDMwHe71U_ZMJ_GYtI20iufSp84dE0dRqum_ys125iNmVRlD57OYKPFMZwoLIBKKT4QOe4IHhrV9HhgoDlfRHlehRFmgY69utT4_mwWQbGD9qhrX1WxWtXmrzMop9FP6O1HH4HA8xrNouQkzGq6q2qOB5xqghuPoAJoD6kx_EDtLWotY4s5mbsxN5SbSA9t4Q70YXaUcnI3EXD1_J_Inj1B_BIacNHh6BI-o-izyPYmVvdGICGA1shi-1O4fkYuOeGLQ2CGL0XM2fwfLSzlcZznXskF7F1ExGRP1CoFz30E_lxNn5iRcpjZhG0vmFwpMNAjKEIYWDh6HQ',
      e: 'AQAB',
      d: 'PeCEJyBCcwttSrFCp3SJXQ4h4K3Sd18nsFUa8Cnl6PuRwKDJwVCnWhTe-kPYIDvYjOxdDefOrlyrwXbgEg0Sv2tzyGdVTZg9gHUBwwn2NQjYU0MS29gutNq5ctXlybYecYoRJIGuehbUNxte6oDILZZJ6BM7qz4L9GQpdciTcN9Te0yvzYRpu0s2zwdfAvOQPwBImJmh1OLdt4CNvlCxeblzq6riwm1QTEN9-VIADKxPjZ_E7IvX_Ezd3Tb5QlN3SwOSoa30idKVO63RvMrdlqCfc1uL90i5Yn9OV5As-sk4x4_AqgNVoJgFELep3qjNNQteYY6xx4mehyveoEX4tw',
      p: '73qlw6J6X5cO_pENp7SAkKkvrDxW4BxQWgeF5qSa06vpud7Qp2HW4i2SgDeO4AkWOtRdHKhm1DVrExeXMmgeasVFjiCP_JWZDNbddYCutxcK8pjuAdBqx-T2aWrdsGMLbgZqXDB-DM0PB9EtkTA9AirUdpin8QPIs09ZRONHafs',
      q: '0jT3kyRjW-FvOTJu5YDewGC0nzC8SoenljgfQHXUXKgyUIRKActnagjVKqb_nx5VOPw8jVwl7CuBVdvY1dYdxlohiP-KdT_Ev1Gt5Klxhdm0v_XJJ4JtH3Esmx39kjiEKuRBEmOHTOdwXseTQd-mUYOvHI6aPV_TrW8UEK9ryMc',
      dp: 'S2f3Ii7bEZZjJk1OW2w-v05GsJkfUdoYgwCzbPiPt-793YUHdm0cWIO5CZ504p553XRZDVkJZ_CaEpzvAvQ9_6i2ShZ-wC3qz1wox4MJgKVE0TbOWsvhk6fI31DDFXNaef6TJwwt5KH9BZ0cGAd0bmZGGEHhP8bNP4jQtxxJtFk',
      dq: 'hu5hDR6KeOwYTQrGjKNQWQS6bIUIGH9DX_Xeea4pBuEgivaf2s8KLtJEowBXjXgXFGE1LTg9T4ANoWNhqMGskyo_5ITEB8dLL9PqX6E0scqxb5cB7E6YZVpsW5XAsx98F1w1OOySaRcW1oAdUmeRhzmUKiyPbV4ZrnZi1uMDuPk',
      qi: 'Ap5v7rva7FBcTeRlOvSoSC08n8d8Vyl0VYK3nGMzOG-Yjp7RnboXVXjyVRTHCaEe-XDVqp5Zt-vOD2VOeRC88VC4-OfdyZEfc6g07l-INWqD4SW1UkhDt4jwNSJ_G2IhHQ1d3l5OJbBSMqjmhEDNKjdY0JCkLtL_SVca8TQJDm4',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'xKQofSJshhDMwHe71U_ZMJ_GYtI20iufSp84dE0dRqum_ys125iNmVRlD57OYKPFMZwoLIBKKT4QOe4IHhrV9HhgoDlfRHlehRFmgY69utT4_mwWQbGD9qhrX1WxWtXmrzMop9FP6O1HH4HA8xrNouQkzGq6q2qOB5xqghuPoAJoD6kx_EDtLWotY4s5mbsxN5SbSA9t4Q70YXaUcnI3EXD1_J_Inj1B_BIacNHh6BI-o-izyPYmVvdGICGA1shi-1O4fkYuOeGLQ2CGL0XM2fwfLSzlcZznXskF7F1ExGRP1CoFz30E_lxNn5iRcpjZhG0vmFwpMNAjKEIYWDh6HQ',
      e: 'AQAB',
    },
  },
  {
    kid: 'NW2Nt64ktc834OVDIjC3x_k78FcRFAxpdmrEd2D75gE',
    alg: 'RS256',
    privateJwk: {
      kty: 'RSA',
      n: 'laJ3agwzuEd1owHRfeNUm03jy_N6EwFZc7GfSrwnUyR7-IVMUtYslETcvjfbUHW0XRylTtQNzSIwLpibNt4oDuEZ1F_IOvUWpgxy_hsfMOxSjxK5LrXhCB1RR7Qe_aSmXUr155FnV3_2xMKKqob06ywISXpTpgL9l1IoOKpz4X-VJRSZmigjqCsfF6ssIKOtkIMjeTy88i6loDQ4AVTH-S2EAtD70I5quRaqnnhlor_UWDKwdHj7HZlL9vRxcTIJY4xNvfYQX03VTj9E8byt5Bcm3imKEAKv0j9TFoX3bErdrvw3wcuHTHV3J4YzAPbHv7UbRzfbgm0A3Nejyur9jw',
      e: 'AQAB',
      d: 'Beakz-1QQtWqmXWSZeUHqqI9OAdPip1UgkAAeKmH4XsAWpIjKucgVe6LSAMa5oblyIA_MqchLjRJcyT4hgbnzIJrCtmGI3ET5hN6m3PFXKANN3A1Flb8212QnYPIbxdFqksw_GNbEHPO7v5_Cm-NDBMt9nvY_aSDjKqkRGvQaxWWAPnrNEGsm1x-0XHzM8qVYtmx0MFR77Yh58B4-4ghC2_njb3RSQ6rgYa6nQAqWG3PVo3MKyQYW-Dr--BkbNvyxiN9Tp6rJOcGtaPHtJw43idQhMrlLdqeCH2oVE8O1_ro8gzehhDQoy-uBWD7MLvj3uPiIHX_N9cCtiR4q_jpcQ',
      p: 'yzbx7T-65pp0Ng5FaxaoWQs4PGAQd1VcZrjoc1Lguo4xN3VWYizi1CCuTCYXK3MlLlseGr0JNgs0TJJDtY_asFfWRwLtwbmK0R4uND0Tf_KJkdPtzmsPgBC3ko-K19dAjX7y1KiVbjA1an9rIigxu1eF7Aj1O_ru4FW5dcT3YB8',
      q: 'vICkHczLWfkmrDmCnPXL3dzlaFETC1E83Rnfx0GiM_372q2I9cUnfwBjmceYBLBB3w5Z_49LXkIoyaDHFvuzmgPoy7v50ckOlPxDctPekhj1LG4vdA33HDtlGgYsyGmhX_2J2auTofNcHDO4J842c-N6nGn6vkBmctMr92bQ9JE',
      dp: 'ZBYdtXIMBYPQ9Ma2nfW82I5UFjhiI8QhDF7J7fLFyFw8FUpvT084MK4f6lVgWAAQMfKisxyjqsB987CeNJAzb2LzoGnq290cZ75rl0L1lbDI3M_6cg38xmB1aXPVOFVF7-q0gtS9NFX-GQPEqkANrm1_Ai-vSOlgOZE_FKf8BpU',
      dq: 'ECfyaP9xel-pWd9_-1XxyC0zmFJCkJjA365lCJ3ueghNurte3rmsHe15m-eIdvZoXubK_eVZL1X6SvW1upmOFig5nqSYz8ssrcZFPaU9EUaEVO-Ir6i2wjuw-Z8H3ZF4HFMNqpNTDvFdtqkUIo1BC4O2sYs_y2iXn0XMIeM1C5E',
      qi: 'lc3HJGI8pDnr1qesLsIYv-CTzC-iHxXOw0gGS4nK3-MXAuCfKJu737Bcpf65T1fok1XheBm__dFARHY0AAoClBAC_bKt3wpN07S0UBkd-LTJhROcjgD4on5LH_K2olR5zvO4-oLOn5p8rSK6Rh2SKb6keIEJjYspSxIMpxU-3V0',
    },
    publicJwk: {
      kty: 'RSA',
      n: 'laJ3agwzuEd1owHRfeNUm03jy_N6EwFZc7GfSrwnUyR7-IVMUtYslETcvjfbUHW0XRylTtQNzSIwLpibNt4oDuEZ1F_IOvUWpgxy_hsfMOxSjxK5LrXhCB1RR7Qe_aSmXUr155FnV3_2xMKKqob06ywISXpTpgL9l1IoOKpz4X-VJRSZmigjqCsfF6ssIKOtkIMjeTy88i6loDQ4AVTH-S2EAtD70I5quRaqnnhlor_UWDKwdHj7HZlL9vRxcTIJY4xNvfYQX03VTj9E8byt5Bcm3imKEAKv0j9TFoX3bErdrvw3wcuHTHV3J4YzAPbHv7UbRzfbgm0A3Nejyur9jw',
      e: 'AQAB',
    },
  },
];

/** 8 P-256 key pairs. */
export const es256SimulationKeys: readonly SigningKey[] = [
  {
    kid: 'YTiickLPXu4GV_NkHKOfZ__LmG3I_LwdsRJY9uGcGys',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'i5CM6fxxMtw3EGnulPiTe3lRjH3P3Bpc-3rrGg4YVw0',
      y: 'YJYiKwbUOhI0Ni9NKlxA4kXSaaqmmigW5hzxLolm9gk',
      d: 'HmkLAgLxafSVhI6k_xeFucaW6so-QYygN9OTaem2t1I',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'i5CM6fxxMtw3EGnulPiTe3lRjH3P3Bpc-3rrGg4YVw0',
      y: 'YJYiKwbUOhI0Ni9NKlxA4kXSaaqmmigW5hzxLolm9gk',
    },
  },
  {
    kid: 'LQRvQanPUUOGtwGG_zNki6kkySAuHxc-vZTkWFbiux8',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'MO-OiLSMbCVRfhYpRXxGw54Mug9MWxsmMgyTi9yBOFs',
      y: 'M6GMb9eCm7LPqvQw-PvbssKm9idr9QzPaDyEZ4KKbQI',
      d: 'd_dtKIP4BSZNcyBtBPrH9mwU352VWD7e04nOnFontCY',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'MO-OiLSMbCVRfhYpRXxGw54Mug9MWxsmMgyTi9yBOFs',
      y: 'M6GMb9eCm7LPqvQw-PvbssKm9idr9QzPaDyEZ4KKbQI',
    },
  },
  {
    kid: 'ufOMeIztpTBKwkitLz5ZTfDHu47HYoKASztEG-S3Crc',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'LGl5v_cJqP4kNtf9uGRFBUX-c0qnARH2p-ba13h_XaY',
      y: 'Ld4NMWBiveN6IRBo9ujdvb6bRSFcSoolNJG208QyH94',
      d: 'FAczNLSqdeXLMouPJJWHdR6UjT4ftCrIZorPV2uobJc',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'LGl5v_cJqP4kNtf9uGRFBUX-c0qnARH2p-ba13h_XaY',
      y: 'Ld4NMWBiveN6IRBo9ujdvb6bRSFcSoolNJG208QyH94',
    },
  },
  {
    kid: '1V_fCI_U7J3hOPsFm9SgrL8LVwV0Vuy4RxVvz3mAH3A',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'mX_AwDr6u2-5I1nU7V8VAOVfWxRCsEKBQYcbwX1oR7M',
      y: 'JxPckoF9yEVMwKXg0TUJkp7nlo3lYulA1L40UtNhyFw',
      d: 'mcj6y_H34WY5RgvmXmLBaNY0D6c9I9NpaqcBM0gzpgo',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'mX_AwDr6u2-5I1nU7V8VAOVfWxRCsEKBQYcbwX1oR7M',
      y: 'JxPckoF9yEVMwKXg0TUJkp7nlo3lYulA1L40UtNhyFw',
    },
  },
  {
    kid: 'putiA4MDP21cilYzTvp79LzGmGxdTxo8PsT8kj6mayw',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: '1UsUXCGTYroFAz5o2_7PbnrVEf_VUcFF335Vy37FLlw',
      y: 'K_3jju2x0vltGiBPj3DhAF1go92Jr9T_jWeFcKRSNSY',
      d: '6VtaHQFoyeLX-LxYJIUslH8VPrHSKn8hLd9Ur6CcmGA',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: '1UsUXCGTYroFAz5o2_7PbnrVEf_VUcFF335Vy37FLlw',
      y: 'K_3jju2x0vltGiBPj3DhAF1go92Jr9T_jWeFcKRSNSY',
    },
  },
  {
    kid: 'i5np3wMkYeLjzbr5yPnyiWoWgdp5TayQrdo7flpx10k',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'm42EytKfZEAbpfFIj0VRG_V1dV-nHa1mQ5iad8B6pw0',
      y: 'Qwgk5_B3PLFMOJMbKscZJMu4MuW0yt_8Vui5AZodyn0',
      d: '6peB83DlJWEG9OcekweRxa2waXE2Lg1jjm5kRaBLz0c',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'm42EytKfZEAbpfFIj0VRG_V1dV-nHa1mQ5iad8B6pw0',
      y: 'Qwgk5_B3PLFMOJMbKscZJMu4MuW0yt_8Vui5AZodyn0',
    },
  },
  {
    kid: 'JisZLM-_vcCHKqvLbWl9QiIa38Eq3SoOsIbIzyYgJ3Y',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'YlqQkoCt35G92IRcUE53e1lRJtjUaCTk13_u6cwA-mg',
      y: 'uGWSdDbcupo8YJRp7ytDhXonZvIXGcTURyUIp_WqiDE',
      d: '-un55RNoSjJdJq2Z6rC0odEN-GZX-QOWwttn9NugIdA',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'YlqQkoCt35G92IRcUE53e1lRJtjUaCTk13_u6cwA-mg',
      y: 'uGWSdDbcupo8YJRp7ytDhXonZvIXGcTURyUIp_WqiDE',
    },
  },
  {
    kid: 'OTUdeVVtc26Gcbm8VMU36LLdm5KOOM5qeXPdPPuFxoU',
    alg: 'ES256',
    privateJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'G3pRqYf9QzCijyi7kpxllKUXPHWUVPV2dZzAj81X-P0',
      y: 'h28mmgirVOpOMo2Uy0_WUMau1e9ugnVtS3DPnk3YKCY',
      d: '5KaLIP1SqZu4OrinwRHxF5uJKWsVjFVJEH6g437vuH4',
    },
    publicJwk: {
      kty: 'EC',
      crv: 'P-256',
      x: 'G3pRqYf9QzCijyi7kpxllKUXPHWUVPV2dZzAj81X-P0',
      y: 'h28mmgirVOpOMo2Uy0_WUMau1e9ugnVtS3DPnk3YKCY',
    },
  },
];

export const simulationKeys: Readonly<Record<SigningAlgorithm, readonly SigningKey[]>> = {
  RS256: rs256SimulationKeys,
  ES256: es256SimulationKeys,
};
